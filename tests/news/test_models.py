import unicodedata
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from news.models import Article, Category
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_vietnamese_title():
    article = Article.objects.create(title="Hội nghị chuyên đề")
    assert article.slug == "hoi-nghi-chuyen-de"


def test_slug_turns_d_with_stroke_into_d():
    article = Article.objects.create(title="Đồng Tháp đón Đoàn công tác")
    assert article.slug == "dong-thap-don-doan-cong-tac"


def test_slugs_stay_unique():
    first = Article.objects.create(title="Lễ hội Đền Hùng")
    second = Article.objects.create(title="Lễ hội Đền Hùng")
    third = Article.objects.create(title="Lễ hội đền hùng!")
    assert [first.slug, second.slug, third.slug] == [
        "le-hoi-den-hung",
        "le-hoi-den-hung-2",
        "le-hoi-den-hung-3",
    ]


def test_slug_never_takes_a_reserved_path():
    assert Article.objects.create(title="RSS").slug == "rss-tin"


def test_slug_is_stable_when_the_title_changes():
    article = ArticleFactory(title="Tiêu đề ban đầu")
    article.title = "Tiêu đề đã sửa"
    article.save()
    article.refresh_from_db()
    assert article.slug == "tieu-de-ban-dau"


def test_text_is_stored_in_nfc_with_single_spaces():
    decomposed = unicodedata.normalize("NFD", "Thư\u00a0viện   tỉnh")
    article = Article.objects.create(title=decomposed, byline=" Thanh\u00a0Nhàn ")
    article.refresh_from_db()
    assert article.title == "Thư viện tỉnh"
    assert unicodedata.is_normalized("NFC", article.title)
    assert article.byline == "Thanh Nhàn"


@pytest.mark.parametrize(
    "dirty, forbidden",
    [
        ('<p>Chào<script>alert("x")</script></p>', "<script"),
        ('<p onclick="alert(1)">Chào</p>', "onclick"),
        ('<p><a href="javascript:alert(1)">Chào</a></p>', "javascript:"),
        ('<p style="position:fixed;top:0">Chào</p>', "position:fixed"),
        ('<p><img src="x" onerror="alert(1)">Chào</p>', "onerror"),
        ('<iframe src="https://example.com"></iframe><p>Chào</p>', "<iframe"),
        ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">Chào</a></p>', "data:"),
    ],
)
def test_body_is_sanitised_whatever_path_saves_it(dirty, forbidden):
    article = Article.objects.create(title="Kiểm tra", body=dirty)
    article.refresh_from_db()
    assert forbidden not in article.body
    assert "Chào" in article.body


def test_body_keeps_what_the_editor_makes():
    html = (
        "<h2>Tiêu đề</h2><p><strong>đậm</strong> <em>nghiêng</em> "
        '<a href="https://dongthap.gov.vn">liên kết</a></p><ul><li>một</li></ul>'
    )
    article = Article.objects.create(title="Định dạng", body=html)
    article.refresh_from_db()
    for kept in ("<h2>", "<strong>", "<em>", 'href="https://dongthap.gov.vn"', "<ul>", "<li>"):
        assert kept in article.body


def test_database_refuses_a_published_article_without_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=ArticleFactory().pk).update(published_at=None)


def test_photos_are_where_the_body_places_them_with_the_words_written_there(media_root):
    from news.richtext import figure_html
    from tests.factories import ArticlePhotoFactory

    article = ArticleFactory()
    placed = ArticlePhotoFactory(article=article, caption="Chú thích của ảnh", alt_text="Mô tả")
    other = ArticlePhotoFactory(caption="Ảnh của tin khác")
    ArticlePhotoFactory(article=article, caption="Chưa đặt vào bài")
    article.body = (
        "<p>Một</p><p>Hai</p>"
        + figure_html(placed, caption="Chú thích viết trong bài", alt="Sân khấu ngoài trời")
        + "<p>Ba</p>"
        + figure_html(other)
    )
    article.save()

    items = article.body_with_photos()

    shape = [item.get("html") or item["photo"].caption for item in items]
    # Another article's photo is never shown; one not placed is not either.
    assert shape == ["<p>Một</p>", "<p>Hai</p>", "Chú thích của ảnh", "<p>Ba</p>"]
    assert items[2]["caption"] == "Chú thích viết trong bài"
    assert items[2]["alt"] == "Sân khấu ngoài trời"


def test_a_body_keeps_a_placed_photo_as_a_reference_only():
    from news.richtext import sanitize

    crafted = (
        '<figure data-photo-id="3" onclick="alert(1)" class="x" style="color:red">'
        '<img src="javascript:alert(1)" onerror="alert(1)" alt="Cổng đền">'
        "<figcaption>Chú thích <b>2026</b></figcaption></figure><script>alert(1)</script>"
    )
    assert sanitize(crafted) == (
        '<figure data-photo-id="3"><img alt="Cổng đền">'
        "<figcaption>Chú thích 2026</figcaption></figure>"
    )


def test_category_slug_is_made_from_its_vietnamese_name():
    from news.models import Category

    assert Category.objects.create(name="Thể thao – Đua thuyền").slug == "the-thao-dua-thuyen"


def test_each_category_shows_its_newest_published_news(django_assert_num_queries):
    now = timezone.now()
    culture, sport, empty = (
        CategoryFactory(name="Văn hóa", slug="van-hoa"),
        CategoryFactory(name="Thể thao", slug="the-thao"),
        CategoryFactory(name="Du lịch", slug="du-lich"),
    )
    CategoryFactory(name="Lưu trữ", slug="luu-tru", is_active=False)
    for category in (culture, sport):
        for days in range(6):
            ArticleFactory(
                title=f"{category.name} {days}",
                category=category,
                published_at=now - timedelta(days=days),
            )
        ArticleFactory(
            title=f"{category.name} nháp", category=category, status="draft", published_at=None
        )
        ArticleFactory(
            title=f"{category.name} hẹn giờ",
            category=category,
            published_at=now + timedelta(hours=1),
        )
    # Categories with their newest, those articles, their covers (SQLite: one per category).
    queries = 3 if connection.vendor == "postgresql" else 2 + 3
    with django_assert_num_queries(queries):
        shown = Category.objects.with_latest_articles(4)
        titles = {c.name: [a.title for a in c.latest_articles] for c in shown}
    assert titles == {
        "Văn hóa": ["Văn hóa 0", "Văn hóa 1", "Văn hóa 2", "Văn hóa 3"],
        "Thể thao": ["Thể thao 0", "Thể thao 1", "Thể thao 2", "Thể thao 3"],
    }
    assert empty not in shown
