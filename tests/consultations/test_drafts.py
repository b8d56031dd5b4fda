"""Drafts for comment: the office publishes them in the admin with their files; the public
list and page show them with their period, files, published comments and summary."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from audit.models import AuditEvent
from consultations.models import Draft
from search.models import SearchEntry
from tests.factories import (
    CommentFactory,
    DocumentFactory,
    DraftFactory,
    DraftFileFactory,
    OfficeFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def draft_form(office, **values):
    return {
        "title": "Dự thảo Quy chế tổ chức lễ hội trên địa bàn tỉnh",
        "abstract": "Quy định việc tổ chức lễ hội truyền thống.",
        "office": office.pk,
        "opens_on": TODAY().strftime("%d/%m/%Y"),
        "closes_on": (TODAY() + timedelta(days=30)).strftime("%d/%m/%Y"),
        "status": "published",
        "summary": "",
        "document": "",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-title": "Dự thảo Quy chế",
        "files-0-order": "0",
        **values,
    }


def test_the_office_publishes_a_draft_with_its_file(client, office):
    client.force_login(office)
    drafting = OfficeFactory(name_vi="Phòng Quản lý Văn hóa và Gia đình")
    upload = SimpleUploadedFile("du thao.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post(
        reverse("admin:consultations_draft_add"), draft_form(drafting, **{"files-0-file": upload})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = Draft.objects.get()
    assert draft.is_published and draft.published_at is not None
    assert draft.files.get().file.name.startswith(f"du-thao/{TODAY().year}/du-thao-quy-che")
    assert AuditEvent.objects.filter(action="published", object_repr=draft.title).exists()

    client.logout()
    listing = client.get(reverse("consultations:list"))
    assertContains(listing, draft.title)
    page = client.get(draft.get_absolute_url())
    assertContains(page, "Phòng Quản lý Văn hóa và Gia đình")
    assertContains(page, "Dự thảo Quy chế</a>")
    assertContains(page, "còn 31 ngày")
    file = client.get(draft.files.get().get_absolute_url())
    assert file.status_code == 200 and file["Content-Type"] == "application/pdf"


def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_saved(client, office):
    client.force_login(office)
    upload = SimpleUploadedFile(
        "du-thao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(
        reverse("admin:consultations_draft_add"),
        draft_form(OfficeFactory(), **{"files-0-file": upload}),
    )
    assert response.status_code == 200
    assertContains(response, "Chỉ nhận tệp PDF, DOC hoặc DOCX")
    assertContains(response, "Dự thảo Quy chế tổ chức lễ hội")  # what was typed stays
    assert not Draft.objects.exists()


def test_a_period_that_ends_before_it_starts_is_refused(client, office):
    client.force_login(office)
    response = client.post(
        reverse("admin:consultations_draft_add"),
        draft_form(
            OfficeFactory(),
            closes_on=(TODAY() - timedelta(days=1)).strftime("%d/%m/%Y"),
            **{"files-TOTAL_FORMS": "0"},
        ),
    )
    assertContains(response, "Ngày hết hạn góp ý không thể trước ngày bắt đầu.")
    assert not Draft.objects.exists()


def test_an_unpublished_draft_is_nowhere_public(client):
    draft = DraftFactory(title="Dự thảo nội bộ", status="draft", published_at=None)
    DraftFileFactory(draft=draft)
    assertNotContains(client.get(reverse("consultations:list")), "Dự thảo nội bộ")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("consultations:comment", args=[draft.slug])).status_code == 404
    assert client.get(draft.files.get().get_absolute_url()).status_code == 404
    assert not SearchEntry.objects.get(kind="consultation", object_id=draft.pk).public
    assertNotContains(client.get("/sitemap-drafts.xml"), draft.slug)


def test_the_list_shows_open_drafts_then_closed_ones_newest_first(
    client, django_assert_max_num_queries
):
    DraftFactory(title="Dự thảo đang mở")
    DraftFactory(
        title="Dự thảo sắp mở",
        opens_on=TODAY() + timedelta(days=5),
        closes_on=TODAY() + timedelta(days=30),
    )
    for n in range(25):
        DraftFactory(
            title=f"Dự thảo cũ số {n}",
            opens_on=TODAY() - timedelta(days=100 + n),
            closes_on=TODAY() - timedelta(days=70 + n),
        )
    with django_assert_max_num_queries(8):
        response = client.get(reverse("consultations:list"))
    content = response.content.decode()
    assert content.index("Dự thảo đang mở") < content.index("Đã hết hạn góp ý</h2>")
    assert "Sắp lấy ý kiến" in content
    assert content.index("Dự thảo cũ số 0<") < content.index("Dự thảo cũ số 1<")
    assert "Dự thảo cũ số 24<" not in content  # on page 2
    page_two = client.get(reverse("consultations:list"), {"page": 2})
    assertContains(page_two, "Dự thảo cũ số 24<")
    assertNotContains(page_two, "Dự thảo đang mở")


def test_a_draft_page_stays_within_its_queries_with_many_comments(
    client, django_assert_max_num_queries
):
    draft = DraftFactory()
    DraftFileFactory(draft=draft)
    DraftFileFactory(draft=draft, title="Tờ trình")
    for _ in range(40):
        CommentFactory(draft=draft)
    with django_assert_max_num_queries(8):
        response = client.get(draft.get_absolute_url())
    assertContains(response, "Góp ý đã đăng (40)")
    assertContains(response, "Tờ trình")


def test_the_summary_shows_only_after_the_period_with_the_issued_document(client):
    document = DocumentFactory(number_symbol="05/QĐ-SVHTTDL")
    running = DraftFactory(summary="Tổng hợp viết sẵn", document=document)
    response = client.get(running.get_absolute_url())
    assertNotContains(response, "Tổng hợp viết sẵn")
    assertContains(response, "Gửi góp ý cho dự thảo này")

    closed = DraftFactory(
        opens_on=TODAY() - timedelta(days=40),
        closes_on=TODAY() - timedelta(days=10),
        summary="Sở nhận được 12 ý kiến; tiếp thu ý kiến về Điều 5.",
        document=document,
    )
    response = client.get(closed.get_absolute_url())
    assertContains(response, "Tổng hợp, tiếp thu, giải trình ý kiến góp ý")
    assertContains(response, "Sở nhận được 12 ý kiến; tiếp thu ý kiến về Điều 5.")
    assertContains(response, "Đã hết thời hạn góp ý")
    assertNotContains(response, "Gửi góp ý cho dự thảo này")
    assertContains(response, f'href="{document.get_absolute_url()}"')


def test_a_draft_is_found_by_the_site_search(client):
    DraftFactory(title="Dự thảo Quy chế quản lý lễ hội", abstract="Về việc tổ chức lễ hội.")
    response = client.get(reverse("search"), {"q": "le hoi", "loai": "du-thao"})
    assertContains(response, "Dự thảo Quy chế quản lý")
    assertContains(response, "kind-badge--consultation")


def test_the_sitemap_lists_published_drafts(client):
    draft = DraftFactory()
    assertContains(client.get("/sitemap-drafts.xml"), draft.get_absolute_url())
    assertContains(client.get("/sitemap.xml"), "sitemap-drafts.xml")


def test_publishing_renews_cached_pages(client):
    draft = DraftFactory(title="Dự thảo thứ nhất")
    assertContains(client.get(reverse("consultations:list")), "Dự thảo thứ nhất")
    DraftFactory(title="Dự thảo thứ hai")
    assertContains(client.get(reverse("consultations:list")), "Dự thảo thứ hai")
    draft.title = "Dự thảo đã đổi tên"
    draft.save()
    assertContains(client.get(reverse("consultations:list")), "Dự thảo đã đổi tên")


def test_the_office_sees_what_waits_on_its_admin_home(client, office):
    DraftFactory(
        opens_on=TODAY() - timedelta(days=40), closes_on=TODAY() - timedelta(days=10), summary=""
    )
    CommentFactory(status="pending")
    client.force_login(office)
    response = client.get(reverse("admin:index"))
    assertContains(response, "Góp ý dự thảo chờ duyệt")
    assertContains(response, "Dự thảo hết hạn góp ý chưa có tổng hợp")


def test_the_office_checklist_finds_a_missing_summary_and_late_moderation(client, office):
    from agency import checklist

    DraftFactory(
        title="Dự thảo Quy chế lễ hội",
        opens_on=TODAY() - timedelta(days=40),
        closes_on=TODAY() - timedelta(days=10),
        summary="",
    )
    DraftFactory(
        opens_on=TODAY() - timedelta(days=40),
        closes_on=TODAY() - timedelta(days=10),
        summary="Đã tổng hợp.",
    )
    CommentFactory(status="pending", submitted_at=timezone.now() - timedelta(days=6))
    CommentFactory(status="pending")
    found = [finding.text for item in checklist.items() for finding in item.findings]
    day = (TODAY() - timedelta(days=10)).strftime("%d/%m/%Y")
    assert (
        f"Dự thảo Quy chế lễ hội hết hạn góp ý ngày {day} nhưng chưa có phần tổng hợp, tiếp thu."
        in found
    )
    assert "1 góp ý dự thảo chờ duyệt quá 5 ngày." in found
    assert sum("chưa có phần tổng hợp" in text for text in found) == 1
    client.force_login(office)
    response = client.get(reverse("admin:agency_agencypage_checklist"))
    assertContains(response, "Dự thảo văn bản lấy ý kiến nhân dân")
    assertContains(response, 'href="/du-thao/"')


def test_the_issued_document_links_back_to_its_published_draft(client):
    document = DocumentFactory(number_symbol="07/QĐ-SVHTTDL")
    DraftFactory(title="Dự thảo Quy chế đã lấy ý kiến", document=document)
    DraftFactory(title="Dự thảo chưa đăng", document=document, status="draft", published_at=None)
    response = client.get(document.get_absolute_url())
    assertContains(response, "Dự thảo đã lấy ý kiến")
    assertContains(response, "Dự thảo Quy chế đã lấy ý kiến")
    assertNotContains(response, "Dự thảo chưa đăng")
