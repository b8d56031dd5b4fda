"""Site search (/tim-kiem/): Vietnamese as people type it, ranking, snippets, bad input.

Runs on SQLite and on PostgreSQL (where the GIN index answers): the same assertions hold.
"""

import unicodedata
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from search import index
from search.matching import Query
from search.models import SearchEntry
from search.snippets import highlight, snippet
from tests.factories import AdministrativeUnitFactory, ArticleFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

URL = reverse("search")


def search(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [hit["entry"].title for hit in response.context.get("hits") or []]


def article(title, body="<p>Nội dung.</p>", lead="", hours_ago=1, **extra):
    return ArticleFactory(
        title=title,
        lead=lead,
        body=body,
        published_at=timezone.now() - timedelta(hours=hours_ago),
        **extra,
    )


@pytest.fixture
def dong_thap():
    province = AdministrativeUnitFactory(name="Đồng Tháp")
    return InstitutionFactory(
        name="Thư viện tỉnh Đồng Tháp",
        unit=province,
        address="Số 2, đường 30/4, phường Cao Lãnh",
        description="Thư viện phục vụ bạn đọc, tổ chức Ngày Sách và Văn hóa đọc.",
    )


# Ways of typing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "thiet che van hoa",
        "THIẾT CHẾ VĂN HÓA",
        "thiết chế văn hoá",  # old tone placement in the query
        unicodedata.normalize("NFD", "thiết chế văn hóa"),  # decomposed input
        "  thiết\u00a0chế   văn\u00a0\u00a0hóa ",  # no-break spaces and runs of spaces
        "Thiet Che Van Hoa",
    ],
)
def test_every_way_of_typing_finds_the_same_article(client, typed):
    article("Nâng cao chất lượng thiết chế văn hóa cơ sở")
    article("Giải bóng đá thiếu niên")
    assert titles(search(client, typed)) == ["Nâng cao chất lượng thiết chế văn hóa cơ sở"]


@pytest.mark.parametrize("typed", ["dong thap", "Đồng Tháp", "ĐỒNG THÁP", "đông thap"])
def test_d_counts_as_dj(client, dong_thap, typed):
    assert "Thư viện tỉnh Đồng Tháp" in titles(search(client, typed))


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Văn hoá dân gian", "văn hóa dân gian"),  # old placement in the text
        ("Văn hóa dân gian", "văn hoá dân gian"),  # old placement in the query
        ("Nhà văn hóa xã Thuỷ An", "thủy an"),
        ("Nhà văn hóa xã Thủy An", "thuỷ an"),
        ("Hoà Bình: hội nghị chuyên đề", "Hòa Bình"),
        ("Hòa Bình: hội nghị chuyên đề", "Hoà Bình"),
    ],
)
def test_either_tone_placement_in_text_and_query(client, stored, typed):
    article(stored)
    assert titles(search(client, typed)) == [stored]


def test_decomposed_text_in_the_source_is_found(client):
    article(unicodedata.normalize("NFD", "Liên hoan đờn ca tài tử"))
    assert len(titles(search(client, "don ca tai tu"))) == 1


def test_no_break_spaces_inside_a_name_in_the_body(client):
    # The seed article writes the director's name with no-break spaces.
    article("Làm việc với Trung tâm", body="<p>Giám đốc Sở Nguyễn\u00a0Văn\u00a0Bảy phát biểu.</p>")
    response = search(client, "nguyen van bay")
    assert titles(response) == ["Làm việc với Trung tâm"]
    assert "<mark>Nguyễn</mark> <mark>Văn</mark> <mark>Bảy</mark>" in response.content.decode()


def test_words_are_whole_syllables_not_parts_of_words(client):
    article("Kế hoạch năm 2026")
    assert titles(search(client, "hoa")) == []
    assert titles(search(client, "hoach")) == ["Kế hoạch năm 2026"]


def test_institutions_are_found_by_type_and_place(client, dong_thap):
    response = search(client, "thu vien dong thap", loai="thiet-che")
    hit = response.context["hits"][0]
    assert hit["entry"].title == "Thư viện tỉnh Đồng Tháp"
    assert "Tỉnh Đồng Tháp" in response.content.decode()  # the place is shown


# What is searched -------------------------------------------------------------------------


def test_only_published_news_is_found(client):
    article("Lễ hội đua ghe ngo")
    ArticleFactory(title="Bản nháp đua ghe ngo", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(title="Hẹn giờ đua ghe ngo", published_at=timezone.now() + timedelta(days=1))
    assert titles(search(client, "dua ghe ngo")) == ["Lễ hội đua ghe ngo"]


def test_unpublishing_editing_and_deleting_update_the_results(client):
    item = article("Hội thi hát then")
    assert titles(search(client, "hat then")) == ["Hội thi hát then"]
    item.title = "Hội thi đàn tính"
    item.save()
    assert titles(search(client, "hat then")) == []
    assert titles(search(client, "dan tinh")) == ["Hội thi đàn tính"]
    item.status = Article.Status.UNPUBLISHED
    item.save()
    assert titles(search(client, "dan tinh")) == []
    item.status = Article.Status.PUBLISHED
    item.save()
    item.delete()
    assert titles(search(client, "dan tinh")) == []


def test_renaming_a_place_type_or_category_updates_the_results(client, dong_thap):
    """Entries carry names of related rows: renaming those rows rewrites the entries."""
    province = dong_thap.unit
    province.name = "Sa Đéc"
    province.save()
    response = search(client, "thu vien sa dec", loai="thiet-che")
    assert titles(response) == ["Thư viện tỉnh Đồng Tháp"]
    assert "Tỉnh Sa Đéc" in response.content.decode()
    kind = dong_thap.type
    kind.name = "Nhà sách công cộng"
    kind.save()
    assert titles(search(client, "nha sach cong cong", loai="thiet-che")) == [
        "Thư viện tỉnh Đồng Tháp"
    ]
    item = article("Hội thi hát then")
    category = item.category
    category.name = "Văn nghệ quần chúng"
    category.save()
    assert "Văn nghệ quần chúng" in search(client, "hat then").content.decode()


def test_rebuild_command_restores_a_lost_index(client, dong_thap):
    article("Hội thi hát then")
    # An article and its category, an institution and its province (categories and units
    # are found by the admin's search boxes).
    before = set(SearchEntry.objects.values_list("kind", "object_id", "public"))
    SearchEntry.objects.all().delete()
    out = __import__("io").StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "4 mục" in out.getvalue()
    assert set(SearchEntry.objects.values_list("kind", "object_id", "public")) == before
    assert titles(search(client, "hat then")) == ["Hội thi hát then"]


# Ranking ----------------------------------------------------------------------------------


def test_ranking_phrase_title_body_then_newer(client):
    # Oldest first, so that date alone would give the reverse order.
    article("Sân khấu: thư viện tỉnh tổ chức hội sách", hours_ago=50)  # phrase in title
    article("Hội sách mùa thu", body="<p>Tại thư viện tỉnh.</p>", hours_ago=40)  # body phrase
    article("Thu hút vận động viên", hours_ago=30)  # both words, scattered, in title
    article("Ngày hội", body="<p>Mùa thu, các viện bảo tàng mở cửa.</p>", hours_ago=20)
    article("Thư viện xã mở cửa", hours_ago=10)  # phrase in title, newer
    assert titles(search(client, "thư viện")) == [
        "Thư viện xã mở cửa",
        "Sân khấu: thư viện tỉnh tổ chức hội sách",
        "Hội sách mùa thu",
        "Thu hút vận động viên",
        "Ngày hội",
    ]


def test_single_word_title_above_body_and_newer_first(client):
    article("Đêm cải lương", hours_ago=30)
    article("Liên hoan", body="<p>Trích đoạn cải lương.</p>", hours_ago=1)
    article("Cải lương về làng", hours_ago=2)
    assert titles(search(client, "cai luong")) == [
        "Cải lương về làng",
        "Đêm cải lương",
        "Liên hoan",
    ]


# Results page -----------------------------------------------------------------------------


def test_result_shows_kind_date_snippet_and_keeps_the_query(client):
    found = article(
        "Chiếu phim lưu động",
        body="<p>" + "Mở đầu dài. " * 40 + "Đội chiếu phim phục vụ bà con vùng sâu.</p>",
        category__name="Văn hóa",
    )
    response = search(client, "bà con vùng sâu")
    html = response.content.decode()
    assert "Tin tức" in html
    # Its own date in Viet Nam (an hour ago: yesterday's date in the first hour of a day).
    assert timezone.localtime(found.published_at).strftime("%d/%m/%Y") in html
    assert "<mark>bà</mark> <mark>con</mark> <mark>vùng</mark> <mark>sâu</mark>" in html
    assert "…" in html  # the snippet starts where the words are, not at the top
    assert 'value="bà con vùng sâu"' in html


def test_highlighting_keeps_the_text_escaped(client):
    article(
        "Mẹo <b>in đậm</b> & ký hiệu",
        body="<p>Văn bản &lt;script&gt;alert(1)&lt;/script&gt; về ký hiệu.</p>",
    )
    html = search(client, "ky hieu").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Mẹo &lt;b&gt;in đậm&lt;/b&gt; &amp; <mark>ký</mark> <mark>hiệu</mark>" in html


def test_snippet_and_highlight_functions():
    words = Query.parse("van hoa").words
    assert highlight("Văn hóa <x>", words) == "<mark>Văn</mark> <mark>hóa</mark> &lt;x&gt;"
    assert snippet("", words) == ""
    long_text = "Câu mở đầu. " * 50 + "Nhà văn hóa thôn mới xây."
    result = snippet(long_text, words, length=80)
    assert result.startswith("… ") and "<mark>văn</mark> <mark>hóa</mark>" in result


def test_filter_by_kind(client, dong_thap):
    article("Thư viện tỉnh Đồng Tháp đón bạn đọc nhỏ tuổi")
    everything = search(client, "thu vien dong thap")
    assert len(titles(everything)) == 2
    assert titles(search(client, "thu vien dong thap", loai="thiet-che")) == [
        "Thư viện tỉnh Đồng Tháp"
    ]
    assert titles(search(client, "thu vien dong thap", loai="tin-tuc")) == [
        "Thư viện tỉnh Đồng Tháp đón bạn đọc nhỏ tuổi"
    ]
    unknown = search(client, "thu vien dong thap", loai="khac")
    assert len(titles(unknown)) == 2
    assert "Không có loại kết quả này" in unknown.content.decode()


def test_paginated_and_bad_page_numbers_answer(client):
    for n in range(13):
        article(f"Giải cờ tướng lần {n}", hours_ago=n + 1)
    first = search(client, "co tuong")
    assert len(titles(first)) == 10
    assert "13 kết quả" in first.content.decode()
    second = search(client, "co tuong", page=2)
    assert titles(second) == [
        "Giải cờ tướng lần 10",
        "Giải cờ tướng lần 11",
        "Giải cờ tướng lần 12",
    ]
    assert 'value="co tuong"' in second.content.decode()
    assert titles(search(client, "co tuong", page="abc")) == titles(first)
    assert titles(search(client, "co tuong", page=999)) == titles(second)


def test_no_result_page_helps(client):
    article("Liên hoan đờn ca tài tử")
    response = search(client, "đờn kìm zzzq")
    html = response.content.decode()
    assert "Không tìm thấy kết quả nào cho “đờn kìm zzzq”" in html
    assert "Kiểm tra lại chính tả" in html
    assert "Tin mới nhất" in html and "Liên hoan đờn ca tài tử" in html
    # A word that finds something on its own is offered, as typed.
    assert response.context["suggestions"] == [("đờn", 1)]
    # And the query without the words that find nothing.
    response = search(client, "đờn ca zzzq")
    assert response.context["suggestions"] == [("đờn ca", 1), ("đờn", 1), ("ca", 1)]


def test_search_box_in_the_header_points_to_the_site_search(client):
    html = client.get(reverse("home")).content.decode()
    assert f'action="{URL}"' in html


def test_search_pages_are_not_indexed_by_robots(client):
    assert '<meta name="robots" content="noindex, follow">' in search(client, "x").content.decode()


def test_query_count_is_bounded(client, django_assert_max_num_queries, dong_thap):
    for n in range(15):
        article(f"Hội diễn văn nghệ quần chúng {n}")
    kinds = len(index.public_sources())  # news, documents, procedures, institutions, questions…
    assert kinds == 6
    # The counts of every kind (one statement), candidates (one), the page of results, site
    # identity, scheduled changes: however many kinds and however many articles match.
    with django_assert_max_num_queries(6):
        search(client, "van nghe")


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "a",
        "x" * 500,
        "văn hóa " * 80,
        "' OR 1=1 --",
        "%",
        "_",
        ".*",
        "(",
        "[a-z]+",
        "\\",
        "😀🎉",
        "văn hóa 😀",
        "\x00\x01\x1f",
        "van\x00hoa",
        "%' AND 1=0 UNION SELECT password FROM auth_user --",
        "<script>alert(1)</script>",
    ],
)
def test_bad_input_answers_normally(client, typed):
    article("Văn hóa đọc")
    response = search(client, typed)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert 'id="search-q"' in html  # the page, with its search box


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Hãy gõ điều cần tìm"),
        ("a", "Từ khoá quá ngắn"),
        ("%", "không có chữ hay số"),
        ("😀", "không có chữ hay số"),
        ("x" * 500, "Từ khoá quá dài"),
        ("một hai ba bốn năm sáu bảy tám chín mười mười một", "Từ khoá quá dài"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_box(client, typed, message):
    assert message in search(client, typed).content.decode()


def test_sql_looking_text_is_just_words(client):
    article("Tin có chữ OR và số 1")
    assert titles(search(client, "' OR 1=1 --")) == ["Tin có chữ OR và số 1"]


def test_a_long_query_keeps_its_first_words(client):
    article("Văn hóa đọc")
    response = search(client, "văn hóa " + "đọc " * 200)
    assert titles(response) == ["Văn hóa đọc"]
    assert len(response.context["query"].text) == 200


# Same matching elsewhere ------------------------------------------------------------------


def test_news_list_filter_uses_the_same_matching(client):
    article("Hoà Bình: hội nghị chuyên đề")
    article("Kế hoạch năm mới")
    response = client.get(reverse("news:article-list"), {"q": "hoa binh"})
    assert [a.title for a in response.context["object_list"]] == ["Hoà Bình: hội nghị chuyên đề"]
    response = client.get(reverse("news:article-list"), {"q": "hoa bin"})
    assert list(response.context["object_list"]) == []


def test_directory_filter_uses_the_same_matching(client, dong_thap):
    response = client.get(reverse("institutions:list"), {"q": "THU VIEN"})
    assert "Thư viện tỉnh Đồng Tháp" in response.content.decode()
    response = client.get(reverse("institutions:list"), {"q": "thu vie"})
    assert "Thư viện tỉnh Đồng Tháp" not in response.content.decode()


def test_admin_search_finds_drafts_without_diacritics(admin_client):
    ArticleFactory(title="Bản nháp về Hoà Bình", status=Article.Status.DRAFT, published_at=None)
    response = admin_client.get(reverse("admin:news_article_changelist"), {"q": "hoa binh"})
    assert "Bản nháp về Hoà Bình" in response.content.decode()
    response = admin_client.get(reverse("admin:news_article_changelist"), {"q": "hoa bin"})
    assert "Bản nháp về Hoà Bình" not in response.content.decode()


def test_every_admin_search_box_matches_through_the_index(admin_client):
    """Categories, units and the audit trail are found as the site search finds: without
    diacritics, whole words."""
    from audit import trail
    from audit.models import AuditEvent
    from tests.factories import CategoryFactory

    CategoryFactory(name="Gia đình")
    AdministrativeUnitFactory(name="Hoà Bình")
    trail.record(AuditEvent.Action.PUBLISHED, article("Lễ hội Đền Hùng"))
    for url, typed, shown in [
        ("admin:news_category_changelist", "gia dinh", "Gia đình"),
        ("admin:institutions_administrativeunit_changelist", "hoa binh", "Hoà Bình"),
        ("admin:audit_auditevent_changelist", "le hoi den hung", "Lễ hội Đền Hùng"),
    ]:
        found = admin_client.get(reverse(url), {"q": typed}).context["cl"].result_list
        assert len(found) == 1 and shown in str(found[0]), url
        partial = admin_client.get(reverse(url), {"q": typed[:-1]}).context["cl"].result_list
        assert not partial, url
