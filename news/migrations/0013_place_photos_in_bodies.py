"""Photos placed "after paragraph N" become figures in the body, where the body editor shows
and moves them; the public pages stay as they were. The cover photo stays outside the body.

Rows are updated without save(): no new version in the history, no edit counted.
"""

from django.db import migrations
from django.utils.html import format_html


def figure(photo):
    caption = format_html("<figcaption>{}</figcaption>", photo.caption) if photo.caption else ""
    alt = photo.alt_text or photo.caption
    return format_html('<figure data-photo-id="{}"><img alt="{}">{}</figure>', photo.pk, alt, caption)


def place_photos(apps, schema_editor):
    from news.richtext import sanitize, split_blocks

    Article = apps.get_model("news", "Article")
    ArticlePhoto = apps.get_model("news", "ArticlePhoto")
    for article in Article.objects.filter(photos__is_cover=False).distinct().iterator():
        blocks = split_blocks(article.body)
        placed = {}
        photos = ArticlePhoto.objects.filter(article=article, is_cover=False).order_by("order", "pk")
        for photo in photos:
            after = photo.after_paragraph
            # As the page placed them: no number, or one past the end, means last.
            if after is None or after > len(blocks):
                after = len(blocks)
            placed.setdefault(after, []).append(photo)
        parts = [figure(photo) for photo in placed.get(0, [])]
        for number, block in enumerate(blocks, start=1):
            parts.append(block)
            parts.extend(figure(photo) for photo in placed.get(number, []))
        Article.objects.filter(pk=article.pk).update(body=sanitize("".join(parts)))


def take_photos_out(apps, schema_editor):
    from news.richtext import FIGURE_ID, sanitize, split_blocks

    Article = apps.get_model("news", "Article")
    ArticlePhoto = apps.get_model("news", "ArticlePhoto")
    for article in Article.objects.filter(body__contains="<figure data-photo-id=").iterator():
        kept = []
        for block in split_blocks(article.body):
            match = FIGURE_ID.match(block)
            if match:
                ArticlePhoto.objects.filter(pk=int(match[1]), article=article).update(
                    after_paragraph=len(kept)
                )
            else:
                kept.append(block)
        Article.objects.filter(pk=article.pk).update(body=sanitize("".join(kept)))


class Migration(migrations.Migration):
    dependencies = [("news", "0012_article_photo_uploads")]

    operations = [migrations.RunPython(place_photos, take_photos_out)]
