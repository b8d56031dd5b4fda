"""What is and is not published about commenters (Decree 13/2023/NĐ-CP): their name and
comment once approved; their e-mail and phone never, and only the office sees them; the
contact details are erased once the retention after the period is over."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from audit.models import AuditEvent
from consultations.moderation import approve_comment
from tests.conftest import make_staff
from tests.factories import CommentFactory, DraftFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
EMAIL = "hoa.tran@example.com"
PHONE = "0903 111 222"


def public_pages(draft):
    return [
        reverse("consultations:list"),
        draft.get_absolute_url(),
        reverse("consultations:comment", args=[draft.slug]),
        reverse("consultations:comment-received", args=[draft.slug]),
        reverse("search") + "?q=nha+van+hoa",
        "/sitemap-drafts.xml",
    ]


def test_the_public_sees_the_name_and_comment_never_the_contact(client, office):
    draft = DraftFactory(title="Dự thảo Quy chế nhà văn hóa")
    comment = CommentFactory(
        draft=draft, name="Trần Thị Hoa", email=EMAIL, phone=PHONE, status="pending"
    )
    approve_comment(comment, by=office)
    for url in public_pages(draft):
        response = client.get(url)
        assert response.status_code == 200, url
        assertNotContains(response, EMAIL)
        assertNotContains(response, "0903")
    page = client.get(draft.get_absolute_url())
    assertContains(page, "Trần Thị Hoa")
    assertContains(page, "Điều 6")
    # Nor in the audit trail, which leaders read.
    for event in AuditEvent.objects.all():
        assert EMAIL not in f"{event.object_repr} {event.detail}"


def test_only_the_office_sees_contact_details_in_the_admin(client, office, django_user_model):
    comment = CommentFactory(email=EMAIL, phone=PHONE)
    url = reverse("admin:consultations_comment_change", args=[comment.pk])
    client.force_login(office)
    page = client.get(url)
    assertContains(page, EMAIL)
    assertContains(page, PHONE)
    # Staff allowed to read comments for another reason, without the office's role.
    reader = make_staff(django_user_model, "reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(reader)
    page = client.get(url)
    assertContains(page, comment.body)
    assertNotContains(page, EMAIL)
    assertNotContains(page, "0903")
    listing = client.get(reverse("admin:consultations_comment_changelist"), {"q": "hoa.tran"})
    assertNotContains(listing, comment.body)  # nor found by it


def test_the_retention_command_erases_only_expired_contacts(settings):
    settings.CONSULTATION_CONTACT_RETENTION_DAYS = 90
    long_closed = DraftFactory(
        opens_on=TODAY() - timedelta(days=150), closes_on=TODAY() - timedelta(days=91)
    )
    just_within = DraftFactory(
        opens_on=TODAY() - timedelta(days=150), closes_on=TODAY() - timedelta(days=90)
    )
    running = DraftFactory()
    expired = CommentFactory(
        draft=long_closed, name="Trần Thị Hoa", email=EMAIL, phone=PHONE, body="Ý kiến cũ"
    )
    kept = CommentFactory(draft=just_within, email="giu@example.com")
    current = CommentFactory(draft=running, email="moi@example.com")

    out = StringIO()
    call_command("erase_expired_comment_contacts", stdout=out)
    assert "Đã xoá thông tin liên hệ của 1 góp ý" in out.getvalue()
    expired.refresh_from_db()
    assert (expired.email, expired.phone) == ("", "")
    assert expired.contact_erased_at is not None
    assert (expired.name, expired.body, expired.status) == ("Trần Thị Hoa", "Ý kiến cũ", "approved")
    kept.refresh_from_db()
    current.refresh_from_db()
    assert kept.email == "giu@example.com" and current.email == "moi@example.com"

    out = StringIO()
    call_command("erase_expired_comment_contacts", stdout=out)
    assert "Đã xoá thông tin liên hệ của 0 góp ý" in out.getvalue()


def test_the_export_of_comments_leaves_contact_details_out(client, office):
    import io

    from openpyxl import load_workbook

    draft = DraftFactory(title="Dự thảo Quy chế nhà văn hóa")
    first = CommentFactory(draft=draft, name="Trần Thị Hoa", email=EMAIL, phone=PHONE)
    second = CommentFactory(draft=draft, body='=HYPERLINK("http://x")', status="pending")
    client.force_login(office)
    response = client.post(
        reverse("admin:consultations_comment_changelist"),
        {"action": "export_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="gop-y-du-thao-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "Dự thảo",
        "Họ và tên",
        "Điều, khoản",
        "Nội dung góp ý",
        "Ngày gửi",
        "Trạng thái",
    ]
    assert ["Dự thảo Quy chế nhà văn hóa", "Trần Thị Hoa"] == rows[1][:2]
    text = repr(rows)
    assert EMAIL not in text and "0903" not in text
    formula = sheet.cell(row=3, column=4)
    assert formula.data_type == "s" and formula.quotePrefix
