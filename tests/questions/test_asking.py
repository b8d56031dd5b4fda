"""The citizen's form, hit as a person and as a bot would: what is saved, what is refused
and why, and that nothing typed is lost."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from page_cache.middleware import content_version
from public_forms.forms import TIMESTAMP
from questions.forms import AskForm
from questions.models import Question
from tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db
ASK = "/hoi-dap/gui-cau-hoi/"


def post(client, data, address="203.0.113.10", **extra):
    return client.post(ASK, data, REMOTE_ADDR=address, **extra)


def test_the_form_shows_the_privacy_notice_and_hides_the_honeypot(client, topic):
    response = client.get(ASK)
    assert response.status_code == 200
    for text in (
        "Thông tin cá nhân của bạn",
        "Thu thập những gì",
        "Lưu trong bao lâu",
        "180 ngày sau khi câu hỏi được trả lời",
        "Yêu cầu xoá",
        "Di sản văn hóa",
        "Tôi đồng ý để Sở công khai câu hỏi",
    ):
        assertContains(response, text)
    assertContains(response, '<div class="form-trap" aria-hidden="true">')
    # One visitor's own page (CSRF token, timestamp): no cache keeps it, nginx's neither.
    assert response["X-Accel-Expires"] == "0"
    assert "no-store" in response["Cache-Control"]


def test_a_question_is_received_with_a_tracking_code(client, ask_data):
    before = content_version()
    response = post(client, ask_data())
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("questions:received", args=[question.code])
    assert question.status == Question.Status.NEW
    assert question.public_name == "N.T. Mai"
    assert question.email == "mai.nguyen@example.com"
    page = client.get(response["Location"])
    assertContains(page, question.code)
    assertContains(page, "Sở đã nhận câu hỏi của bạn")
    # A question received changes no public page: the cached pages stay.
    assert content_version() == before


def test_an_e_mail_or_a_phone_is_needed_and_the_text_is_kept(client, ask_data):
    response = post(client, ask_data(email="", phone=""))
    assert response.status_code == 200
    assertContains(response, "Nhập thư điện tử hoặc số điện thoại (ít nhất một)")
    assertContains(response, "Bảo tàng tỉnh có mở cửa vào Chủ nhật không?")
    assert not Question.objects.exists()
    assert post(client, ask_data(email="", phone="0912 345 678")).status_code == 302


def test_a_filled_honeypot_saves_nothing(client, ask_data):
    response = post(client, ask_data(website="http://mua-ban.example"))
    assert response.status_code == 200
    assertContains(response, "phải để trống")
    assert not Question.objects.exists()


def test_a_form_sent_too_fast_is_refused_and_the_text_kept(client, ask_data):
    response = post(client, ask_data(**{TIMESTAMP: AskForm.issue_timestamp(at=time.time())}))
    assert response.status_code == 200
    assertContains(response, "Biểu mẫu được gửi quá nhanh")
    assertContains(response, "Bảo tàng tỉnh có mở cửa vào Chủ nhật không?")
    assert not Question.objects.exists()


def test_a_form_too_old_or_tampered_is_refused(client, ask_data, settings):
    old = AskForm.issue_timestamp(at=time.time() - settings.PUBLIC_FORM_MAX_AGE - 10)
    response = post(client, ask_data(**{TIMESTAMP: old}))
    assertContains(response, "đã mở quá lâu")
    response = post(client, ask_data(**{TIMESTAMP: old[:-3] + "abc"}))
    assertContains(response, "Không đọc được thời điểm mở biểu mẫu")
    assert not Question.objects.exists()


def test_a_question_too_long_is_refused(client, ask_data):
    response = post(client, ask_data(body="chữ " * 2000))
    assertContains(response, "tối đa 5000 kí tự")
    assert not Question.objects.exists()


def test_link_heavy_questions_are_held_for_review_not_published(client, ask_data, settings):
    body = "Xem http://a.example, http://b.example và www.c.example giúp tôi."
    response = post(client, ask_data(body=body))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.status == Question.Status.HELD
    assert question.link_count == 3
    assertNotContains(client.get(reverse("questions:list")), question.title)


def test_one_address_is_limited_and_told_when_to_try_again(client, ask_data, settings):
    settings.PUBLIC_FORM_RATE_PER_ADDRESS = 2
    for n in range(2):
        assert post(client, ask_data(email=f"nguoi{n}@example.com")).status_code == 302
    response = post(client, ask_data(email="nguoi9@example.com", title="Câu hỏi thứ ba"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assertContains(response, "Đã có quá nhiều lượt gửi từ địa chỉ mạng của bạn", status_code=429)
    assertContains(response, "Vui lòng thử lại sau", status_code=429)
    assertContains(response, "Câu hỏi thứ ba", status_code=429)  # what was typed is kept
    assert Question.objects.count() == 2
    # A flood from that address soon gets a light page, still saying when to try again.
    for _ in range(3):
        response = post(client, ask_data(email="nguoi9@example.com"))
    assert response.status_code == 429
    assertContains(response, "Chưa nhận thêm nội dung bạn gửi", status_code=429)
    assertContains(response, "Vui lòng thử lại sau", status_code=429)
    assert Question.objects.count() == 2
    # Another address still gets through.
    assert post(client, ask_data(), address="198.51.100.20").status_code == 302


def test_one_contact_is_limited_whatever_the_address(client, ask_data, settings):
    settings.PUBLIC_FORM_RATE_PER_CONTACT = 2
    for n in range(2):
        response = post(client, ask_data(email="Mai.Nguyen@Example.com"), address=f"10.0.0.{n}")
        assert response.status_code == 302
    response = post(client, ask_data(email="mai.nguyen@example.com"), address="10.0.0.9")
    assertContains(response, "với địa chỉ e-mail hoặc số điện thoại này", status_code=429)
    assert Question.objects.count() == 2


def test_a_pdf_attachment_is_kept_privately(client, ask_data, settings):
    upload = SimpleUploadedFile("don.pdf", pdf_bytes(), content_type="application/pdf")
    assert post(client, ask_data(attachment=upload)).status_code == 302
    question = Question.objects.get()
    assert question.attachment.name.endswith(".pdf")
    assert str(settings.PRIVATE_MEDIA_ROOT) in question.attachment.path
    assert str(settings.MEDIA_ROOT) not in question.attachment.path
    assert "don" not in question.attachment.name  # a random name, not the asker's


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "Chỉ nhận tệp PDF, DOC hoặc DOCX"),
        (b"MZ\x90\x00" + b"\x00" * 100, "Chỉ nhận tệp PDF, DOC hoặc DOCX"),
    ],
)
def test_a_bad_attachment_is_refused_with_its_reason(client, ask_data, content, message):
    upload = SimpleUploadedFile("anh.pdf", content, content_type="application/pdf")
    response = post(client, ask_data(attachment=upload))
    assertContains(response, message)
    assert not Question.objects.exists()


def test_a_pdf_with_javascript_is_refused(client, ask_data):
    upload = SimpleUploadedFile(
        "don.pdf", pdf_bytes(catalog="/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")
    )
    response = post(client, ask_data(attachment=upload))
    assertContains(response, "mã lệnh")


def test_a_too_large_attachment_is_refused(client, ask_data, settings):
    settings.QUESTIONS_ATTACHMENT_MAX_BYTES = 1000
    upload = SimpleUploadedFile("don.pdf", pdf_bytes() + b" " * 2000)
    response = post(client, ask_data(attachment=upload))
    assertContains(response, "Tệp quá lớn")
