"""The office moderates comments in the admin: one by one or in bulk; what it approves
shows at once (the cached pages are renewed), what it rejects goes."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from audit.models import AuditEvent
from consultations.models import Comment
from tests.factories import CommentFactory, DraftFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:consultations_comment_changelist"


def test_the_office_approves_comments_in_bulk_and_they_show(client, office):
    draft = DraftFactory()
    first = CommentFactory(draft=draft, body="Ý kiến thứ nhất", status="pending")
    second = CommentFactory(draft=draft, body="Ý kiến thứ hai", status="pending")
    # A visitor's copy of the page is in the cache before the moderation.
    assertNotContains(client.get(draft.get_absolute_url()), "Ý kiến thứ nhất")

    client.force_login(office)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "approve_selected", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assertContains(response, "Đã duyệt đăng 2 góp ý.")
    first.refresh_from_db()
    assert first.status == "approved" and first.moderated_by == office
    assert AuditEvent.objects.filter(action="approved", object_repr=str(first)).exists()

    client.logout()
    page = client.get(draft.get_absolute_url())
    assertContains(page, "Ý kiến thứ nhất")
    assertContains(page, "Ý kiến thứ hai")


def test_a_rejected_comment_is_taken_down(client, office):
    draft = DraftFactory()
    comment = CommentFactory(draft=draft, body="Ý kiến lạc đề")
    assertContains(client.get(draft.get_absolute_url()), "Ý kiến lạc đề")
    client.force_login(office)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "reject_selected", "_selected_action": [comment.pk]},
        follow=True,
    )
    assertContains(response, "Đã chuyển 1 góp ý sang “Không đăng”.")
    client.logout()
    assertNotContains(client.get(draft.get_absolute_url()), "Ý kiến lạc đề")


def test_the_office_approves_one_comment_from_its_page(client, office):
    comment = CommentFactory(body="Ý kiến xem kỹ", status="pending")
    client.force_login(office)
    url = reverse("admin:consultations_comment_change", args=[comment.pk])
    page = client.get(url)
    assertContains(page, "Ý kiến xem kỹ")
    response = client.post(url, {"status": "approved"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.moderated_at is not None
    assert comment.body == "Ý kiến xem kỹ"  # the citizen's words are not rewritten


def test_link_heavy_comments_are_listed_apart(client, office):
    CommentFactory(body="Ý kiến nhiều đường dẫn", status="pending", link_heavy=True)
    CommentFactory(body="Ý kiến bình thường", status="pending")
    client.force_login(office)
    response = client.get(reverse(CHANGELIST), {"nhieu-lien-ket": "1"})
    assertContains(response, "Ý kiến nhiều đường dẫn")
    assertNotContains(response, "Ý kiến bình thường")


def test_the_comment_list_stays_within_its_queries(client, office, django_assert_max_num_queries):
    for _ in range(30):
        CommentFactory(status="pending")
    client.force_login(office)
    with django_assert_max_num_queries(20):
        response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert Comment.objects.pending().count() == 30
