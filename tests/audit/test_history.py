"""Version histories read as staff read them: numbered versions, full names, local dates,
status labels, Vietnamese numbers, the words that changed, and what a restore leaves."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from news import publishing
from news.models import Article
from tests.culture_portal.form_data import admin_form_data
from tests.factories import ArticleFactory, InstitutionFactory

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


@pytest.fixture
def edited(editor, publisher):
    editor.first_name, publisher.first_name = "Nguyễn Thị Lan", "Trần Văn Minh"
    editor.save()
    publisher.save()
    article = ArticleFactory(
        title="Liên hoan đờn ca tài tử",
        status=Article.Status.DRAFT,
        published_at=None,
        body="<p>" + " ".join(["Lời mở đầu khá dài của tin bài."] * 8) + "</p>",
    )
    article._history_user = editor
    article.body = article.body.replace("</p>", " Câu mới thêm.</p>")
    article.save()
    publishing.submit_for_review(article, by=editor)
    publishing.publish_article(article, by=publisher, at=datetime(2026, 11, 30, 7, 30, tzinfo=TZ))
    return article


def test_history_reads_in_words_staff_use(client, publisher, edited):
    client.force_login(publisher)

    response = client.get(history_url(edited))

    html = response.content.decode()
    for raw in ("chars]", "None", "→ review", "→ published", "+00:00", "2026-11-30 00:30"):
        assert raw not in html, raw
    assertContains(response, "Phiên bản 4")
    assertContains(response, "(hiện tại)")
    assertContains(response, "Chờ duyệt → Đã đăng")
    assertContains(response, "(trống) → 07:30 30/11/2026")
    assertContains(response, "<ins>Câu mới thêm.</ins>", html=True)
    assertContains(response, "Nguyễn Thị Lan")
    assertContains(response, "Trần Văn Minh")
    # The workflow steps say what they were.
    assertContains(response, "Gửi duyệt")
    assertContains(response, "Đăng lúc 07:30 30/11/2026")
    assertContains(response, "Ảnh không nằm trong các phiên bản")


def test_names_link_to_accounts_only_for_those_who_may_open_them(
    client, publisher, superuser, edited
):
    client.force_login(publisher)
    assertNotContains(client.get(history_url(edited)), "/admin/auth/user/")
    client.force_login(superuser)
    assertContains(client.get(history_url(edited)), "/admin/auth/user/")


def test_the_notes_column_shows_only_when_a_version_has_a_note(client, publisher):
    article = ArticleFactory(title="Tin không có ghi chú")
    article.title = "Tin vẫn không có ghi chú"
    article.save()
    client.force_login(publisher)

    assertNotContains(client.get(history_url(article)), "Ghi chú")


def test_a_restore_is_noted_in_the_history(client, publisher):
    article = ArticleFactory(title="Tiêu đề đầu tiên")
    first = article.history.get()
    article.title = "Tiêu đề sau"
    article.save()
    client.force_login(publisher)
    url = reverse("admin:news_article_simple_history", args=[article.pk, first.history_id])

    page = client.get(url)
    client.post(url, admin_form_data(page))

    article.refresh_from_db()
    assert article.title == "Tiêu đề đầu tiên"
    when = f"{first.history_date.astimezone(TZ):%H:%M %d/%m/%Y}"
    assert article.history.first().history_change_reason == f"Khôi phục phiên bản lúc {when}"
    assertContains(page, "Ảnh không nằm trong các phiên bản")


def test_numbers_and_coordinates_read_as_vietnamese_write_them(client, leader):
    institution = InstitutionFactory(name="Trung tâm Văn hóa tỉnh", staff_count=1200)
    institution.latitude, institution.longitude = "10.455900", "105.633100"
    institution.staff_count = 2400
    institution.save()
    client.force_login(leader)

    history = client.get(history_url(institution))
    page = client.get(institution.get_absolute_url())

    assertContains(history, "1.200 → 2.400")
    assertContains(history, "(trống) → 10,4559")
    assertContains(page, "vĩ độ 10,4559° Bắc, kinh độ 105,6331° Đông")
