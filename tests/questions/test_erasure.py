"""Personal data: erased by the retention command (which a timer runs) and on the asker's
request with their tracking code; what stays public afterwards."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from questions.models import Question
from tests.factories import QuestionFactory, pdf_bytes

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def with_attachment(question):
    question.attachment.save("don.pdf", ContentFile(pdf_bytes()))
    return Path(question.attachment.path)


def test_the_command_erases_contact_details_past_retention(settings):
    settings.QUESTIONS_CONTACT_RETENTION_DAYS = 30
    answered_long_ago = QuestionFactory(answered_at=days_ago(31), closed_at=days_ago(31))
    file = with_attachment(answered_long_ago)
    answered_lately = QuestionFactory(answered_at=days_ago(29), closed_at=days_ago(29))
    refused_long_ago = QuestionFactory(
        status="rejected", answered_at=None, closed_at=days_ago(40), answer=""
    )
    abandoned = QuestionFactory(
        status="new", answered_at=None, closed_at=None, answer="", submitted_at=days_ago(35)
    )
    open_lately = QuestionFactory(
        status="assigned", answered_at=None, closed_at=None, answer="", submitted_at=days_ago(5)
    )
    out = StringIO()
    with django_capture_on_commit():
        call_command("erase_expired_contacts", stdout=out)
    assert "Đã xoá thông tin liên hệ của 3 câu hỏi" in out.getvalue()
    for question in (answered_long_ago, refused_long_ago, abandoned):
        question.refresh_from_db()
        assert (question.asker_name, question.email, question.phone) == ("", "", "")
        assert not question.attachment
        assert question.contact_erased_at is not None
    assert not file.exists()
    for question in (answered_lately, open_lately):
        question.refresh_from_db()
        assert question.email == "an.nguyen@example.com"
        assert question.contact_erased_at is None
    # The published question stays, with the name its asker chose.
    assert answered_long_ago.is_public
    assert answered_long_ago.public_name == "N.V. An"


def test_a_timer_runs_the_command_daily():
    units = Path(django_settings.BASE_DIR) / "deploy" / "systemd"
    service = (units / "culture-portal-erase-contacts.service").read_text()
    timer = (units / "culture-portal-erase-contacts.timer").read_text()
    assert "manage.py erase_expired_contacts" in service
    assert "OnCalendar=daily" in timer
    assert "Persistent=true" in timer


def test_erasure_of_an_unpublished_question_deletes_it(client, erase_data):
    question = QuestionFactory(status="new", answered_at=None, closed_at=None, answer="")
    file = with_attachment(question)
    form = client.get(reverse("questions:erase") + f"?ma={question.code}")
    assertContains(form, question.code)
    with django_capture_on_commit():
        response = client.post(reverse("questions:erase"), erase_data(question.code.lower()))
    assertContains(response, "đã được xoá hẳn")
    assert not Question.objects.filter(pk=question.pk).exists()
    assert not file.exists()
    tracked = client.get(reverse("questions:track") + f"?ma={question.code}")
    assertContains(tracked, "Không tìm thấy câu hỏi có mã này", status_code=404)


def test_erasure_of_a_published_question_keeps_it_without_contact(client, erase_data):
    question = QuestionFactory(asker_name="Nguyễn Văn An", public_name="N.V. An")
    response = client.post(reverse("questions:erase"), erase_data(question.code))
    assertContains(response, "Câu hỏi đã công khai vẫn giữ")
    question.refresh_from_db()
    assert (question.asker_name, question.email, question.phone) == ("", "", "")
    page = client.get(question.get_absolute_url())
    assertContains(page, "N.V. An")
    assertNotContains(page, "an.nguyen@example.com")


def test_erasure_needs_the_right_code_and_the_confirmation(client, erase_data):
    question = QuestionFactory()
    response = client.post(reverse("questions:erase"), erase_data("ABCDEFGHJK"))
    assertContains(response, "Không tìm thấy câu hỏi có mã này")
    response = client.post(reverse("questions:erase"), erase_data(question.code, confirm=""))
    assert response.status_code == 200
    assertContains(response, question.code)  # what was typed is kept
    question.refresh_from_db()
    assert question.email


def test_erasure_requests_are_rate_limited(client, erase_data, settings):
    settings.PUBLIC_FORM_RATE_PER_ADDRESS = 2
    for _ in range(2):
        client.post(reverse("questions:erase"), erase_data("ABCDEFGHJK"))
    response = client.post(reverse("questions:erase"), erase_data("ABCDEFGHJK"))
    assert response.status_code == 429


def test_tracking_shows_status_and_the_answer_once_published(client):
    waiting = QuestionFactory(status="review", answered_at=None, closed_at=None)
    page = client.get(reverse("questions:track") + f"?ma={waiting.code.lower()}")
    assertContains(page, "Chờ lãnh đạo duyệt")
    assertNotContains(page, waiting.answer)  # a draft answer is not the asker's yet
    answered = QuestionFactory()
    page = client.get(reverse("questions:track") + f"?ma={answered.code}")
    assertContains(page, "Đã trả lời")
    assertContains(page, answered.answer)
    bad = client.get(reverse("questions:track") + "?ma=12")
    assertContains(bad, "Mã theo dõi gồm 10 chữ và số")


def django_capture_on_commit():
    from unittest import mock

    return mock.patch("django.db.transaction.on_commit", lambda func, *a, **k: func())
