"""The staff's side: triage in the admin, who sees the asker's contact details, the leader's
approval that publishes, the e-mail, the admin home's counts, and the export."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from questions.models import Question
from tests.factories import OfficeFactory, QuestionFactory

pytestmark = pytest.mark.django_db
EMAIL = "an.nguyen@example.com"
PHONE = "0912345678"


def change_url(question):
    return reverse("admin:questions_question_change", args=[question.pk])


def open_question(**fields):
    values = {"status": "new", "answer": "", "answered_at": None, "closed_at": None}
    values.update(fields)
    return QuestionFactory(**values)


def save(client, question, **fields):
    data = {
        "office": question.office_id or "",
        "answer": question.answer,
        "staff_note": question.staff_note,
        "step": "save",
    }
    data.update(fields)
    return client.post(change_url(question), data)


def test_the_office_sees_contact_details_the_leader_does_not(client, office, leader):
    question = open_question()
    client.force_login(office)
    page = client.get(change_url(question))
    assertContains(page, EMAIL)
    assertContains(page, PHONE)
    assertContains(page, "Nguyễn Văn An")
    listing = client.get(reverse("admin:questions_question_changelist"))
    assertContains(listing, question.code)
    assertNotContains(listing, EMAIL)
    client.force_login(leader)
    page = client.get(change_url(question))
    assert page.status_code == 200
    assertNotContains(page, EMAIL)
    assertNotContains(page, PHONE)
    assertNotContains(page, "Nguyễn Văn An")


def test_the_attachment_is_served_only_to_the_office(client, office, leader, tmp_path):
    from django.core.files.base import ContentFile

    from tests.factories import pdf_bytes

    question = open_question()
    question.attachment.save("don.pdf", ContentFile(pdf_bytes()))
    url = reverse("admin:questions_question_attachment", args=[question.pk])
    client.force_login(leader)
    assert client.get(url).status_code == 403
    client.force_login(office)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_staff_journey_from_question_to_published_answer(client, office, leader):
    culture = OfficeFactory(name_vi="Phòng Quản lý Văn hóa")
    question = open_question(title="Lễ hội đình làng", asker_name="Trần Văn Bình")
    client.force_login(office)
    # Submitting without an answer is refused next to the field, nothing lost.
    response = save(client, question, office=culture.pk, answer="", step="submit")
    assertContains(response, "Nhập nội dung trả lời trước khi gửi lãnh đạo duyệt.")
    answer = "Ban tổ chức gửi kế hoạch tới Ủy ban nhân dân xã trước 15 ngày."
    response = save(client, question, office=culture.pk, answer=answer, step="submit")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.REVIEW
    assert question.office == culture
    # The office cannot approve its own answer.
    assertNotContains(client.get(change_url(question)), "Duyệt và công bố câu trả lời")
    assert save(client, question, step="approve").status_code == 200
    question.refresh_from_db()
    assert question.status == Question.Status.REVIEW
    assertNotContains(client.get(reverse("questions:list")), "Lễ hội đình làng")

    client.force_login(leader)
    home = client.get(reverse("admin:index"))
    assertContains(home, "Câu trả lời chờ duyệt")
    with django_capture_on_commit():
        response = save(client, question, step="approve")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.approved_by == leader
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert question.code in mail.outbox[0].subject
    assert answer in mail.outbox[0].body

    page = client.get(reverse("questions:list"))
    assertContains(page, "Lễ hội đình làng")
    client.logout()
    detail = client.get(question.get_absolute_url())
    assertContains(detail, answer)
    assertContains(detail, "Trả lời của Phòng Quản lý Văn hóa")
    assertContains(detail, "N.V. An")  # the name as the asker agreed


def django_capture_on_commit():
    """Run on-commit callbacks at once (the test runs in a transaction)."""
    from unittest import mock

    return mock.patch("django.db.transaction.on_commit", lambda func, *args, **kwargs: func())


def test_public_pages_never_show_contact_details_nor_the_full_name(client):
    question = QuestionFactory(asker_name="Nguyễn Văn An", public_name="N.V. An")
    for url in (
        reverse("questions:list"),
        question.get_absolute_url(),
        reverse("search") + "?q=bảo+tàng",
        reverse("questions:track") + f"?ma={question.code}",
    ):
        page = client.get(url, REMOTE_ADDR="203.0.113.1")
        assert page.status_code == 200, url
        for private in (EMAIL, PHONE, "Nguyễn Văn An"):
            assertNotContains(page, private)
    assertContains(client.get(question.get_absolute_url()), "N.V. An")


def test_unpublished_questions_are_nowhere_public(client):
    held = open_question(title="Câu hỏi đang chờ", status="held")
    private = QuestionFactory(title="Câu hỏi không công khai", consent_publication=False)
    for url in (reverse("questions:list"), reverse("search") + "?q=câu+hỏi"):
        page = client.get(url)
        assertNotContains(page, held.title)
        assertNotContains(page, private.title)
    assert client.get(held.get_absolute_url()).status_code == 404
    assert client.get(private.get_absolute_url()).status_code == 404
    # The asker still reads the answer with the tracking code.
    tracked = client.get(reverse("questions:track") + f"?ma={private.code}")
    assertContains(tracked, private.answer)


def test_published_questions_are_searchable_and_in_the_sitemap(client):
    question = QuestionFactory(title="Thẻ hướng dẫn viên du lịch")
    found = client.get(reverse("search") + "?q=huong+dan+vien")
    assertContains(found, f'href="{question.get_absolute_url()}"')
    sitemap = client.get(reverse("sitemap-section", args=["questions"]))
    assertContains(sitemap, question.get_absolute_url())


def test_overdue_questions_show_on_the_office_home(client, office, settings):
    settings.QUESTIONS_OVERDUE_DAYS = 10
    open_question(submitted_at=timezone.now() - timedelta(days=12))
    open_question(submitted_at=timezone.now() - timedelta(days=2), status="assigned")
    client.force_login(office)
    home = client.get(reverse("admin:index"))
    assertContains(home, "Câu hỏi chưa trả lời quá 10 ngày")
    overdue = client.get(reverse("admin:questions_question_changelist") + "?viec=qua-han")
    assertContains(overdue, "1 câu hỏi")


def test_the_export_leaves_contact_details_out(client, office):
    questions = [open_question(), QuestionFactory(title="=HYPERLINK(1)")]
    client.force_login(office)
    response = client.post(
        reverse("admin:questions_question_changelist"),
        {"action": "export_csv", "_selected_action": [q.pk for q in questions]},
    )
    content = response.content.decode("utf-8")
    assert questions[0].code in content
    for private in (EMAIL, PHONE, "Nguyễn Văn An"):
        assert private not in content
    assert "'=HYPERLINK(1)" in content


def test_list_and_page_queries_are_bounded(client, django_assert_max_num_queries):
    for n in range(15):
        QuestionFactory(title=f"Câu hỏi số {n}")
    question = Question.objects.first()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("questions:list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(question.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        page = client.get(reverse("questions:list") + f"?topic={question.topic.slug}")
    assertContains(page, question.title)


def test_two_leaders_approving_at_once_publish_and_notify_once(leader):
    """The second leader's page was opened before the first approved: their approval is
    refused with a message, the asker gets one e-mail."""
    from django.core.exceptions import ValidationError

    from questions import answering

    office = OfficeFactory()
    question = open_question(status="review", office=office, answer="Trả lời.", email=EMAIL)
    seen_by_second = Question.objects.get(pk=question.pk)
    with django_capture_on_commit():
        answering.approve(question, by=leader)
        with pytest.raises(ValidationError, match="đang chờ lãnh đạo duyệt"):
            answering.approve(seen_by_second, by=leader)
    assert len(mail.outbox) == 1
    assert Question.objects.get(pk=question.pk).status == Question.Status.ANSWERED
