"""Existing articles keep their photos where they were: the migration writes each photo's
old "after paragraph N" into the body, where the editor shows and moves it."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import jpeg_file

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("news", "0012_article_photo_uploads")]
AFTER = [("news", "0013_place_photos_in_bodies")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_photos_are_written_into_bodies_where_the_page_showed_them(media_root):
    old = migrate(BEFORE)
    Article = old.get_model("news", "Article")
    ArticlePhoto = old.get_model("news", "ArticlePhoto")
    article = Article.objects.create(
        title="Hội diễn nghệ thuật quần chúng",
        slug="hoi-dien",
        body="<p>Một.</p><h2>Hai</h2><ul><li><p>Ba</p></li></ul><p>Bốn.</p>",
    )

    def photo(caption, after, order, cover=False):
        image = ContentFile(jpeg_file().read(), name=f"{order}.jpg")
        return ArticlePhoto.objects.create(
            article=article,
            image=image,
            caption=caption,
            alt_text="",
            after_paragraph=after,
            order=order,
            is_cover=cover,
        )

    cover = photo("Ảnh đại diện", None, 0, cover=True)
    top = photo("Trước mọi đoạn", 0, 1)
    after_list = photo("Sau danh sách", 3, 2)
    last = photo("Không số: cuối bài", None, 3)
    past_end = photo("Số quá lớn: cuối bài", 9, 4)
    try:
        new = migrate(AFTER)
        body = new.get_model("news", "Article").objects.get(pk=article.pk).body
    finally:
        migrate([("news", "0014_remove_photo_paragraph_number")])

    def figure(p):
        return (
            f'<figure data-photo-id="{p.pk}"><img alt="{p.caption}">'
            f"<figcaption>{p.caption}</figcaption></figure>"
        )

    assert body == (
        figure(top)
        + "<p>Một.</p><h2>Hai</h2><ul><li><p>Ba</p></li></ul>"
        + figure(after_list)
        + "<p>Bốn.</p>"
        + figure(last)
        + figure(past_end)
    )
    assert f'data-photo-id="{cover.pk}"' not in body
