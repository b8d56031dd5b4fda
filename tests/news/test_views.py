import html
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from news.richtext import place_photos
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    InstitutionFactory,
)

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_list_shows_published_newest_first_and_hides_the_rest(client):
    now = timezone.now()
    ArticleFactory(title="Tin cũ hơn", published_at=now - timedelta(days=2))
    ArticleFactory(title="Tin mới hơn", published_at=now - timedelta(days=1))
    ArticleFactory(title="Bản nháp nội bộ", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(title="Tin chờ duyệt", status=Article.Status.REVIEW, published_at=None)
    ArticleFactory(title="Tin đã gỡ", status=Article.Status.UNPUBLISHED)
    ArticleFactory(title="Tin tương lai", published_at=now + timedelta(days=1))
    response = client.get(reverse("news:article-list"))
    content = response.content.decode()
    assert content.index("Tin mới hơn") < content.index("Tin cũ hơn")
    for hidden in ("Bản nháp nội bộ", "Tin chờ duyệt", "Tin đã gỡ", "Tin tương lai"):
        assert hidden not in content


@pytest.mark.parametrize("count", [3, 30])
def test_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    for _ in range(count):
        ArticlePhotoFactory(is_cover=True)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("news:article-list"))
    assert response.status_code == 200


def test_list_pages_and_keeps_filters_in_page_links(client):
    category = CategoryFactory(name="Văn hóa", slug="van-hoa")
    for number in range(15):
        ArticleFactory(title=f"Tin văn hóa {number}", category=category)
    response = client.get(reverse("news:article-list"), {"category": "van-hoa"})
    assertContains(response, "category=van-hoa&amp;page=2")
    second = client.get(reverse("news:article-list"), {"category": "van-hoa", "page": 2})
    assert second.status_code == 200
    assert len(second.context["object_list"]) == 3


def test_a_page_beyond_the_last_is_not_found(client):
    ArticleFactory()
    assert client.get(reverse("news:article-list"), {"page": 99}).status_code == 404


def test_filter_by_category(client):
    ArticleFactory(title="Giải việt dã", category=CategoryFactory(slug="the-thao"))
    ArticleFactory(title="Liên hoan đờn ca", category=CategoryFactory(slug="van-hoa"))
    response = client.get(reverse("news:article-list"), {"category": "the-thao"})
    assertContains(response, "Giải việt dã")
    assertNotContains(response, "Liên hoan đờn ca")


def test_filter_by_month(client):
    ArticleFactory(title="Tin tháng hai", published_at=datetime(2022, 2, 15, 9, tzinfo=TZ))
    ArticleFactory(title="Tin tháng chín", published_at=datetime(2019, 9, 27, 9, tzinfo=TZ))
    response = client.get(reverse("news:article-list"), {"month": "2022-02"})
    assertContains(response, "Tin tháng hai")
    assertNotContains(response, "Tin tháng chín")
    assertContains(response, '<option value="2019-09">09/2019</option>', html=True)


def test_a_bad_month_gets_a_message_not_an_error(client):
    ArticleFactory(title="Tin bất kỳ")
    response = client.get(reverse("news:article-list"), {"month": "2022-13'; DROP"})
    assert response.status_code == 200
    assertContains(response, "field-error")
    assertContains(response, "Tin bất kỳ")


@pytest.mark.parametrize("query", ["dong thap", "ĐỒNG THÁP", "Đồng Tháp", "đong  thap"])
def test_filter_by_text_ignores_case_and_diacritics(client, query):
    ArticleFactory(title="Đồng Tháp khai mạc liên hoan")
    ArticleFactory(title="Hòa Bình tổ chức hội nghị")
    response = client.get(reverse("news:article-list"), {"q": query})
    assertContains(response, "Đồng Tháp khai mạc liên hoan")
    assertNotContains(response, "Hòa Bình tổ chức hội nghị")


def test_old_and_new_tone_placement_match(client):
    ArticleFactory(title="Trung tâm Văn hoá tỉnh", lead="Thuỷ sản và văn hoá")
    assertContains(client.get(reverse("news:article-list"), {"q": "văn hóa"}), "Văn hoá tỉnh")
    assertContains(client.get(reverse("news:article-list"), {"q": "thủy"}), "Văn hoá tỉnh")


def test_no_result_page_helps(client):
    ArticleFactory()
    response = client.get(reverse("news:article-list"), {"q": "không có từ này"})
    assertContains(response, "Không có tin nào phù hợp")
    assertContains(response, "xem tất cả tin tức")


def test_category_page_lists_only_its_articles(client):
    sport = CategoryFactory(name="Thể thao", slug="the-thao")
    ArticleFactory(title="Giải bóng chuyền", category=sport)
    ArticleFactory(title="Triển lãm ảnh", category=CategoryFactory(slug="van-hoa"))
    response = client.get(reverse("news:category", args=["the-thao"]))
    assertContains(response, "<h1>Thể thao</h1>", html=True)
    assertContains(response, "Giải bóng chuyền")
    assertNotContains(response, "Triển lãm ảnh")


def test_inactive_category_page_is_not_found(client):
    CategoryFactory(slug="cu", is_active=False)
    assert client.get(reverse("news:category", args=["cu"])).status_code == 404


def test_article_page_shows_everything_a_reader_needs(client):
    article = ArticleFactory(
        title="Hội nghị chuyên đề về thiết chế văn hóa",
        lead="Ngày 27/9/2019, Sở tổ chức hội nghị.",
        body="<p>Đoạn mở đầu.</p><p>Đoạn kết.</p>",
        byline="Phòng TC-PC",
        published_at=datetime(2019, 9, 27, 16, 0, tzinfo=TZ),
    )
    photo = ArticlePhotoFactory(article=article, caption="Toàn cảnh Hội nghị")
    article.body = place_photos(article.body, [(photo, 1)])
    article.save()
    response = client.get(article.get_absolute_url())
    assertContains(response, "<h1>Hội nghị chuyên đề về thiết chế văn hóa</h1>", html=True)
    assertContains(response, "27/09/2019")
    assertContains(response, "Phòng TC-PC")
    assertContains(response, "Ngày 27/9/2019, Sở tổ chức hội nghị.")
    assertContains(response, "<figcaption>Toàn cảnh Hội nghị</figcaption>", html=True)
    assertContains(response, 'alt="Toàn cảnh Hội nghị"')
    assertContains(response, 'type="image/webp"')
    assertContains(response, 'loading="lazy"')
    content = response.content.decode()
    caption = content.index("<figcaption>Toàn cảnh Hội nghị")
    assert content.index("Đoạn mở đầu") < caption < content.index("Đoạn kết")


def test_article_page_has_open_graph_and_twitter_tags(client):
    article = ArticleFactory(title="Lễ hội <Đền> Hùng", lead="Sapo & mô tả")
    ArticlePhotoFactory(article=article, is_cover=True)
    response = client.get(article.get_absolute_url())
    assertContains(response, '<meta property="og:title" content="Lễ hội &lt;Đền&gt; Hùng">')
    assertContains(response, '<meta property="og:description" content="Sapo &amp; mô tả">')
    assertContains(response, 'property="og:image" content="http://testserver/media/photos/')
    assertContains(response, '<meta name="twitter:card" content="summary_large_image">')


def related_titles(response) -> list[str]:
    """The titles listed under "Các tin khác", in order."""
    aside = response.content.decode().split('<ul class="related__list">', 1)[1].split("</ul>")[0]
    return [html.unescape(title) for title in re.findall(r'<a href="[^"]+">([^<]+)</a>', aside)]


def test_related_prefers_same_category_and_never_shows_itself_or_unpublished(client):
    culture = CategoryFactory(slug="van-hoa")
    now = timezone.now()
    article = ArticleFactory(title="Tin chính", category=culture)
    ArticleFactory(
        title="Cùng chuyên mục cũ", category=culture, published_at=now - timedelta(days=30)
    )
    ArticleFactory(title="Khác chuyên mục mới", published_at=now - timedelta(minutes=5))
    ArticleFactory(title="Cùng chuyên mục nháp", category=culture, status=Article.Status.DRAFT)
    response = client.get(article.get_absolute_url())
    related = related_titles(response)
    assert related == ["Cùng chuyên mục cũ", "Khác chuyên mục mới"]
    assertContains(response, "Các tin khác")


def test_related_ranks_shared_institution_and_category_above_newer_news(client):
    culture, sport = CategoryFactory(slug="van-hoa"), CategoryFactory(slug="the-thao")
    library = InstitutionFactory(name="Thư viện tỉnh")
    now = timezone.now()
    article = ArticleFactory(title="Tin chính", category=culture)
    article.institutions.add(library)

    def other(title, category, days, shares=False):
        made = ArticleFactory(
            title=title, category=category, published_at=now - timedelta(days=days)
        )
        if shares:
            made.institutions.add(library)

    for number in range(8):  # newer than all the related ones below
        other(f"Tin mới {number}", sport, 1)
    other("Cùng thư viện và chuyên mục", culture, 300, shares=True)
    other("Cùng thư viện", sport, 200, shares=True)
    other("Cùng chuyên mục", culture, 100)
    response = client.get(article.get_absolute_url())
    related = related_titles(response)
    assert related[:3] == ["Cùng thư viện và chuyên mục", "Cùng thư viện", "Cùng chuyên mục"]
    assert len(related) == 6 and "Tin chính" not in related


@pytest.mark.parametrize("others", [2, 25])
def test_article_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, others):
    article = ArticleFactory()
    ArticlePhotoFactory(article=article, is_cover=True)
    ArticlePhotoFactory(article=article)
    for _ in range(others):
        ArticlePhotoFactory(article=ArticleFactory(category=article.category))
    # The page reads the documents the article cites (one query, whatever their number).
    with django_assert_max_num_queries(8):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


def test_draft_is_hidden_from_the_public_and_shown_to_staff_with_a_banner(client, editor):
    draft = ArticleFactory(
        title="Bản nháp xem trước", status=Article.Status.DRAFT, published_at=None
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assertContains(response, "Tin này chưa được đăng công khai.")
    assertContains(response, '<meta name="robots" content="noindex">')


def test_scheduled_preview_says_when_it_will_appear(client, publisher):
    article = ArticleFactory(published_at=datetime(2030, 1, 2, 8, 30, tzinfo=TZ))
    client.force_login(publisher)
    assertContains(client.get(article.get_absolute_url()), "Tin được hẹn đăng lúc 08:30 02/01/2030")


def test_feed_lists_published_articles(client):
    category = CategoryFactory(slug="thong-bao", name="Thông báo")
    ArticleFactory(title="Thông báo tuyển sinh", lead="Sapo <b>đậm</b>", category=category)
    ArticleFactory(title="Nháp không lên RSS", status=Article.Status.DRAFT, published_at=None)
    response = client.get(reverse("news:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    assertContains(response, "<title>Thông báo tuyển sinh</title>")
    assertNotContains(response, "Nháp không lên RSS")
    assertContains(response, "Sapo &lt;b&gt;đậm&lt;/b&gt;")
    per_category = client.get(reverse("news:category-feed", args=["thong-bao"]))
    assertContains(per_category, "Thông báo tuyển sinh")


def test_sitemap_and_robots(client):
    article = ArticleFactory()
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    index = client.get(reverse("sitemap"))
    assertContains(index, "http://testserver/sitemap-articles.xml")
    assertContains(index, "http://testserver/sitemap-institutions.xml")
    sitemap = client.get("/sitemap-articles.xml")
    assertContains(sitemap, article.get_absolute_url())
    assertNotContains(sitemap, draft.slug)
    assertContains(client.get("/sitemap-pages.xml"), reverse("news:article-list"))
    assert client.get("/sitemap-khong-co.xml").status_code == 404
    assert client.get("/sitemap-articles.xml?p=999").status_code == 404
    robots = client.get("/robots.txt")
    assertContains(robots, "Sitemap: http://testserver/sitemap.xml")
    assertContains(robots, "Disallow: /admin/")


def test_sitemap_dates_are_the_newest_published_edits(client, django_assert_max_num_queries):
    edited = datetime(2026, 3, 9, 23, 30, tzinfo=ZoneInfo("UTC"))  # 10/03 in Viet Nam
    older = ArticleFactory(slug="tin-cu")
    newest = ArticleFactory(slug="tin-moi-sua")
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    Article.objects.filter(pk=older.pk).update(updated_at=edited - timedelta(days=30))
    Article.objects.filter(pk=newest.pk).update(updated_at=edited)
    Article.objects.filter(pk=draft.pk).update(updated_at=edited + timedelta(days=60))
    for _ in range(5):
        InstitutionFactory()
    # Whatever the number of articles: a count and a date per section (the documents, the
    # questions and the drafts sections each add theirs).
    with django_assert_max_num_queries(13):
        index = client.get(reverse("sitemap"))
    section = index.content.decode().split("sitemap-articles.xml</loc>")[1]
    assert section.split("</sitemap>")[0].strip() == "<lastmod>2026-03-10T06:30:00+07:00</lastmod>"
    sitemap = client.get("/sitemap-articles.xml")
    assert sitemap["Last-Modified"] == "Mon, 09 Mar 2026 23:30:00 GMT"
    assertContains(
        sitemap,
        "<url><loc>http://testserver/tin-tuc/tin-moi-sua/</loc><lastmod>2026-03-10</lastmod>"
        "<changefreq>weekly</changefreq><priority>0.7</priority></url>",
    )
    assertContains(sitemap, "<loc>http://testserver/tin-tuc/tin-cu/</loc><lastmod>2026-02-08")
    assertNotContains(sitemap, draft.slug)


def test_home_shows_featured_latest_and_categories(client, django_assert_max_num_queries):
    culture = CategoryFactory(name="Văn hóa", slug="van-hoa")
    ArticleFactory(title="Tin nổi bật nhất", is_featured=True, category=culture)
    for number in range(6):
        ArticlePhotoFactory(article=ArticleFactory(title=f"Tin văn hóa {number}", category=culture))
    with django_assert_max_num_queries(9):
        response = client.get(reverse("home"))
    assertContains(response, "Tin nổi bật nhất")
    assertContains(response, "Tin văn hóa 5")
    assertContains(response, 'href="/tin-tuc/chuyen-muc/van-hoa/"')


def test_layout_has_skip_link_navigation_search_and_agency_footer(client):
    from identity.models import SiteIdentity

    SiteIdentity(
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp",
        hotline="0277 999",
        content_responsible="Nguyễn Văn An",
    ).save()
    response = client.get(reverse("home"))
    assertContains(response, 'class="skip-link" href="#main"')
    assertContains(response, '<main id="main"')
    assertContains(response, 'role="search"')
    assertContains(response, "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp")
    assertContains(response, "Đường dây nóng:")
    assertContains(response, "Chịu trách nhiệm nội dung:")
    assertNotContains(response, "http://cdn")
    assertNotContains(response, "https://")


def test_a_filters_words_stay_in_its_own_field_not_the_site_search_box(client):
    box = 'id="site-search" type="search" name="q" value="'
    listed = client.get(reverse("news:article-list"), {"q": "đờn ca"}).content.decode()
    assert box + '"' in listed
    assert 'name="q" value="đờn ca"' in listed  # the news filter's own field
    searched = client.get(reverse("search"), {"q": "đờn ca"}).content.decode()
    assert box + 'đờn ca"' in searched
