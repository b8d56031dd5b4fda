"""Fill a database with many realistic articles quickly (for the benchmarks).

Titles, leads and paragraphs are recombined from the demo content (news/demo.py), so the
text is real Vietnamese; photos are a handful of demo images shared by all articles.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from culture_portal.demo_images import demo_photo
from culture_portal.images import clean_photo
from culture_portal.models import SearchEntry
from culture_portal.search import search_tokens
from culture_portal.search_index import article_entry
from culture_portal.text import vietnamese_slugify
from news import demo
from news.models import Article, ArticlePhoto, Category

PLACES = [
    "Cao Lãnh",
    "Sa Đéc",
    "Hồng Ngự",
    "Tháp Mười",
    "Lai Vung",
    "Mỹ Tho",
    "Hòa Bình",
    "Mai Châu",
    "Lạc Sơn",
    "Kim Bôi",
    "Tân Hồng",
    "Châu Thành",
]


def fill_articles(count: int, *, seed: int = 7, batch: int = 2000) -> int:
    rng = random.Random(seed)
    demo.load()
    categories = list(Category.objects.all())
    author = get_user_model().objects.filter(is_superuser=True).first()
    stories = [(s[1], s[2], s[3]) for s in demo.MORE_STORIES]
    photos = []
    for number in range(6):
        photo = ArticlePhoto(
            article=Article.objects.first(), image=clean_photo(demo_photo(900 + number))
        )
        photo.save()
        photos.append(photo)
    now = timezone.now()
    made = 0
    existing = Article.objects.count()
    while made < count:
        articles = []
        for _ in range(min(batch, count - made)):
            title, lead, paragraphs = rng.choice(stories)
            place = rng.choice(PLACES)
            title = f"{title} tại {place}"
            extra = [p for _, _, ps in rng.sample(stories, 3) for p in ps]
            body = "".join(f"<p>{p}</p>" for p in [*paragraphs, *extra])
            number = existing + made + len(articles) + 1
            articles.append(
                Article(
                    title=title,
                    slug=f"{vietnamese_slugify(title, 180)}-{number}",
                    lead=lead,
                    body=body,
                    byline=rng.choice(["Thanh Nhàn", "Phòng TC-PC", "Minh Khoa", "Văn phòng Sở"]),
                    category=rng.choice(categories),
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=rng.randint(60, 60 * 24 * 365 * 6)),
                    created_by=author,
                    search_text=search_tokens(title, lead, *paragraphs, *extra),
                    version=1,
                )
            )
        created = Article.objects.bulk_create(articles)
        ArticlePhoto.objects.bulk_create(
            ArticlePhoto(
                article=article,
                image=(source := rng.choice(photos)).image.name,
                width=source.width,
                height=source.height,
                caption=f"Ảnh: {article.title}",
                is_cover=True,
                renditions=source.renditions,
            )
            for article in created
        )
        SearchEntry.objects.bulk_create(article_entry(article) for article in created)
        made += len(created)
    return made
