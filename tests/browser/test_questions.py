"""Hỏi đáp in a real browser: the citizen's journey (ask, acknowledgement, tracking,
erasure) on a computer and on a 360 px phone, checked by axe; the staff's journey in the
admin (the office assigns and answers, a leader approves), then the answer in public."""

import pytest
from django.core import mail

from questions.models import Question
from tests.factories import OfficeFactory, QuestionFactory, TopicFactory, staff_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def check_page(tab, name):
    violations = tab.axe_violations()
    assert violations == [], violations
    tab.screenshot_as(f"questions-{name}")


def fits_a_phone(tab):
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{tab.url} is {width}px wide on a 360px phone"


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_citizen_asks_follows_and_erases(request, live_server, device, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 1
    tab = request.getfixturevalue(device)
    TopicFactory(name="Di sản văn hóa")
    QuestionFactory(title="Giờ mở cửa Bảo tàng tỉnh", topic__name="Bảo tàng")
    tab.open("/hoi-dap/")
    check_page(tab, "list")
    if device == "phone":
        fits_a_phone(tab)
    tab.click("text=Gửi câu hỏi")
    tab.wait_for_url("**/hoi-dap/gui-cau-hoi/")
    assert tab.locator(".privacy-notice").is_visible()
    trap = tab.locator("#id_website").bounding_box()  # the honeypot: off the screen
    assert trap["x"] + trap["width"] <= 0
    check_page(tab, "ask")
    if device == "phone":
        fits_a_phone(tab)
    # By keyboard: the first field, then each in turn.
    tab.focus("#id_asker_name")
    tab.keyboard.type("Nguyễn Thị Mai")
    tab.keyboard.press("Tab")
    tab.keyboard.type("mai.nguyen@example.com")
    tab.select_option("#id_topic", label="Di sản văn hóa")
    tab.fill("#id_title", "Thủ tục tổ chức lễ hội đình làng")
    tab.fill("#id_body", "Ấp chúng tôi muốn tổ chức lễ hội cúng đình, cần làm thủ tục gì?")
    tab.check("#id_consent_publication")
    tab.wait_for_timeout(1100)  # a person takes longer than the form's minimum
    tab.click(".public-form button[type=submit]")
    tab.wait_for_url("**/hoi-dap/da-nhan/**")
    question = Question.objects.get(title="Thủ tục tổ chức lễ hội đình làng")
    assert question.code in tab.locator(".qa-code__value").inner_text()
    check_page(tab, "received")
    if device == "phone":
        fits_a_phone(tab)

    tab.click("text=Xem tình trạng câu hỏi")
    tab.wait_for_url("**/hoi-dap/tra-cuu/?ma=**")
    assert "Mới nhận" in tab.locator(".qa-facts").inner_text()
    check_page(tab, "track")
    tab.click("text=Yêu cầu xoá thông tin của tôi")
    tab.wait_for_url("**/hoi-dap/yeu-cau-xoa/**")
    assert tab.input_value("#id_code") == question.code
    check_page(tab, "erase")
    tab.check("#id_confirm")
    tab.wait_for_timeout(1100)
    tab.click(".public-form button[type=submit]")
    tab.wait_for_selector("text=Đã xoá thông tin của bạn")
    assert not Question.objects.filter(pk=question.pk).exists()


def test_a_refused_form_keeps_what_was_typed_and_says_why(desktop, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 30
    TopicFactory(name="Du lịch")
    desktop.open("/hoi-dap/gui-cau-hoi/")
    desktop.fill("#id_asker_name", "Lê Văn Tâm")
    desktop.fill("#id_email", "tam@example.com")
    desktop.select_option("#id_topic", label="Du lịch")
    desktop.fill("#id_title", "Thẻ hướng dẫn viên")
    desktop.fill("#id_body", "Điều kiện cấp thẻ là gì?")
    desktop.click(".public-form button[type=submit]")
    desktop.wait_for_selector("text=Biểu mẫu được gửi quá nhanh")
    assert desktop.input_value("#id_body") == "Điều kiện cấp thẻ là gì?"
    assert not Question.objects.exists()
    check_page(desktop, "refused")


def test_the_office_answers_and_a_leader_publishes(desktop):
    staff_world()
    from django.contrib.auth import get_user_model

    from tests.conftest import make_staff

    make_staff(get_user_model(), "vanphong", "Văn phòng Sở", first_name="Đỗ Thị Hạnh")
    OfficeFactory(name_vi="Phòng Quản lý Văn hóa")
    question = QuestionFactory(
        title="Lễ hội cúng đình",
        status="new",
        answer="",
        answered_at=None,
        closed_at=None,
        asker_name="Trần Văn Bình",
        public_name="T.V. Bình",
        email="binh@example.com",
    )
    desktop.login("vanphong")
    desktop.open("/admin/")
    desktop.click("text=Câu hỏi mới cần phân công")
    desktop.click(f"text={question.code}")
    desktop.wait_for_selector("#id_answer")
    assert "binh@example.com" in desktop.content()  # the office sees who asked
    check_page(desktop, "office-question")
    desktop.select_option("#id_office", label="Phòng Quản lý Văn hóa")
    desktop.fill("#id_answer", "Ban tổ chức gửi kế hoạch tới Ủy ban nhân dân xã trước 15 ngày.")
    desktop.select_option("#id_step", "submit")
    desktop.click("input[name=_save]")
    desktop.wait_for_selector(".messagelist")  # back on the list, the change saved
    question.refresh_from_db()
    assert question.status == Question.Status.REVIEW

    desktop.login("lanhdao")
    desktop.open("/admin/")
    desktop.click("text=Câu trả lời chờ duyệt")
    desktop.click(f"text={question.code}")
    desktop.wait_for_selector("#id_step")
    assert "binh@example.com" not in desktop.content()  # leaders never see who asked
    desktop.select_option("#id_step", "approve")
    desktop.click("input[name=_save]")
    desktop.wait_for_selector(".messagelist")  # back on the list, the change saved
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert [m.to for m in mail.outbox] == [["binh@example.com"]]

    desktop.page.context.clear_cookies()
    desktop.open(question.get_absolute_url())
    assert "Ban tổ chức gửi kế hoạch" in desktop.locator(".qa-answer").inner_text()
    assert "T.V. Bình" in desktop.content()
    assert "binh@example.com" not in desktop.content()
    check_page(desktop, "published")
