"""Comments on a draft in a real browser: a citizen comments on the open draft (on a phone,
by keyboard), the office approves the comment in the admin, and it appears on the draft's
page. Screenshots go to $TEST_ARTIFACTS/screenshots as consultation-<step>-<width>.png."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from consultations.models import Comment
from tests.conftest import make_staff
from tests.factories import CommentFactory, DraftFactory, DraftFileFactory, OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BODY = "Đề nghị quy định nhà văn hóa mở cửa đến 21 giờ các tối thứ Bảy, Chủ nhật."


@pytest.fixture
def drafts():
    office = OfficeFactory(name_vi="Phòng Quản lý Văn hóa và Gia đình")
    draft = DraftFactory(
        title="Dự thảo Quy chế quản lý, sử dụng nhà văn hóa thôn, tổ dân phố", office=office
    )
    DraftFileFactory(draft=draft, title="Dự thảo Quy chế")
    CommentFactory(draft=draft, name="Trần Văn Hùng", body="Cần quy định rõ giờ kết thúc.")
    today = timezone.localdate()
    closed = DraftFactory(
        title="Dự thảo Hướng dẫn xây dựng hương ước, quy ước",
        office=office,
        opens_on=today - timedelta(days=60),
        closes_on=today - timedelta(days=30),
        summary="Sở nhận được 16 ý kiến và tiếp thu bổ sung mẫu hương ước.",
    )
    return draft, closed


def test_a_citizen_comments_and_the_office_approves_it(desktop, phone, drafts, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 1
    draft, closed = drafts
    phone.open("/du-thao/")
    assert not phone.axe_violations()
    phone.screenshot_as("consultation-1-list")
    with phone.expect_navigation():
        phone.click(f"text={draft.title}")
    assert "Cần quy định rõ giờ kết thúc." in phone.inner_text("main")
    with phone.expect_navigation():
        phone.click("text=Gửi góp ý cho dự thảo này")
    assert "Thông tin cá nhân của bạn" in phone.inner_text("main")
    assert not phone.axe_violations()
    # By keyboard: each field in turn, the honeypot skipped.
    phone.focus("#id_name")
    phone.keyboard.type("Nguyễn Thị Lan")
    phone.keyboard.press("Tab")
    phone.keyboard.type("lan.nguyen@example.com")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")
    phone.keyboard.type("Điều 6")
    phone.keyboard.press("Tab")
    phone.keyboard.type(BODY)
    phone.keyboard.press("Tab")
    phone.keyboard.press("Space")
    phone.screenshot_as("consultation-2-form")
    phone.wait_for_timeout(1000)
    phone.keyboard.press("Tab")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert "Sở đã nhận góp ý của bạn" in phone.inner_text("main")
    phone.screenshot_as("consultation-3-received")
    comment = Comment.objects.get(body=BODY)
    assert (comment.status, comment.section, comment.email) == (
        "pending",
        "Điều 6",
        "lan.nguyen@example.com",
    )
    phone.open(draft.get_absolute_url())
    assert BODY not in phone.inner_text("main")

    desktop.open("/du-thao/")
    assert not desktop.axe_violations()
    desktop.screenshot_as("consultation-1-list")

    make_staff(get_user_model(), "vanphong", "Văn phòng Sở", first_name="Đỗ Thị Mai")
    desktop.login("vanphong")
    desktop.open("/admin/")
    with desktop.expect_navigation():
        desktop.click("text=Góp ý dự thảo chờ duyệt")
    row = desktop.locator("#result_list tr", has_text="Nguyễn Thị Lan")
    row.locator("input[name=_selected_action]").check()
    desktop.select_option("select[name=action]", label="Duyệt đăng các góp ý đã chọn")
    with desktop.expect_navigation():
        desktop.click("button[name=index]")
    assert "Đã duyệt đăng 1 góp ý." in desktop.inner_text(".messagelist")
    desktop.screenshot_as("consultation-4-approved")

    phone.open(draft.get_absolute_url())
    text = phone.inner_text("main")
    assert BODY in text and "Nguyễn Thị Lan" in text
    assert "lan.nguyen@example.com" not in phone.content()
    phone.screenshot_as("consultation-5-shown")

    # The closed draft: its summary, and a message where the form was.
    phone.open(closed.get_absolute_url())
    text = phone.inner_text("main")
    assert "Sở nhận được 16 ý kiến" in text and "Đã hết thời hạn góp ý" in text
    assert not phone.axe_violations()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
