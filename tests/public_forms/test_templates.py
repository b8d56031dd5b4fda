"""The snippets each public form includes: the privacy notice and the spam guards."""

from django.template.loader import render_to_string

from public_forms.forms import ProtectedForm
from public_forms.limits import Refusal
from public_forms.privacy import PrivacyNotice


def test_the_privacy_notice_shows_the_callers_text():
    notice = PrivacyNotice(
        collected="Họ tên, e-mail hoặc số điện thoại",
        purpose="Để trả lời câu hỏi của bạn",
        retention="Đến khi trả lời xong và 180 ngày sau đó",
        erasure="Dùng mã theo dõi để yêu cầu xoá",
    )
    html = render_to_string("public_forms/includes/privacy_notice.html", {"notice": notice})
    for text in (
        "Thông tin cá nhân của bạn",
        "Thu thập những gì",
        "Họ tên, e-mail hoặc số điện thoại",
        "Để làm gì",
        "Để trả lời câu hỏi của bạn",
        "Lưu trong bao lâu",
        "Đến khi trả lời xong và 180 ngày sau đó",
        "Dùng mã theo dõi để yêu cầu xoá",
    ):
        assert text in html
    assert "Đơn vị xử lý" not in html


def test_the_honeypot_is_out_of_the_accessibility_tree():
    html = render_to_string("public_forms/includes/protection.html", {"form": ProtectedForm()})
    assert '<div class="form-trap" aria-hidden="true">' in html
    assert "Để trống ô này" in html
    assert 'type="hidden" name="form_shown"' in html


def test_the_refusal_says_when_to_try_again():
    html = render_to_string("public_forms/includes/refusal.html", {"refusal": Refusal(600)})
    assert 'role="alert"' in html
    assert "Vui lòng thử lại sau 10 phút" in html
