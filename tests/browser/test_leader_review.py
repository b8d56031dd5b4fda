"""The leader's journey, in a real browser: staff propose a change with a photo, the leader
finds it from the admin home, reviews it and approves it, and the public page changes; then
a progress report is returned and another verified, and the figures follow."""

from datetime import date
from pathlib import Path

import pytest

from institutions.models import ProfileChange
from tests.factories import CommitmentFactory, InstitutionFactory, ProgressReportFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
FILES = Path(__file__).parent / "files"


@pytest.fixture
def centre(staff_a):
    institution = InstitutionFactory(
        name="Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp", phone="0277 3851 234"
    )
    institution.editors.add(staff_a)
    return institution


def test_a_proposal_with_a_photo_goes_public_once_a_leader_approves_it(
    desktop, centre, staff_a, leader
):
    desktop.login("staff_a")
    desktop.open(f"/admin/institutions/institution/{centre.pk}/change/")
    desktop.fill("#id_phone", "0277 2222 222")
    desktop.click("#photos-group .add-row a")
    desktop.set_input_files("#id_photos-0-image", str(FILES / "doan-bieu-dien.jpg"))
    desktop.fill("#id_photos-0-caption", "Đội văn nghệ biểu diễn")
    desktop.click("input[name=_continue]")
    desktop.wait_for_load_state()
    assert "Đã gửi thay đổi hồ sơ" in desktop.locator(".messagelist").inner_text()
    banner = desktop.locator(".proposal-banner").inner_text()
    assert "đang chờ lãnh đạo duyệt" in banner
    assert desktop.input_value("#id_phone") == "0277 2222 222"  # the proposal, as sent
    assert desktop.axe_violations() == []
    desktop.screenshot_as("staff-proposal")

    desktop.page.context.clear_cookies()
    desktop.open(centre.get_absolute_url())
    assert "0277 3851 234" in desktop.content() and "Đội văn nghệ" not in desktop.content()

    desktop.login("leader")
    desktop.open("/admin/")
    desktop.click("text=Thay đổi hồ sơ thiết chế chờ duyệt")
    desktop.click(f"text={centre.name}")
    desktop.wait_for_load_state()
    assert "Đội văn nghệ biểu diễn" in desktop.locator("#content-main").inner_text()
    assert desktop.axe_violations() == []
    desktop.screenshot_as("leader-review")
    desktop.click("input[name=_approve]")
    desktop.wait_for_load_state()
    assert ProfileChange.objects.get(institution=centre).status == "approved"

    desktop.page.context.clear_cookies()
    desktop.open(centre.get_absolute_url())
    assert "0277 2222 222" in desktop.content()
    assert desktop.locator("figcaption", has_text="Đội văn nghệ biểu diễn").count() == 1


def test_a_returned_report_is_shown_but_not_counted(desktop, centre, staff_a, leader):
    commitment = CommitmentFactory(
        plan__institution=centre, plan__year=2026, description="Chiếu phim lưu động", target=40
    )
    ProgressReportFactory(commitment=commitment, quantity=10, status="submitted")
    ProgressReportFactory(
        commitment=commitment,
        quantity=5,
        status="submitted",
        period_start=date(2026, 4, 1),
    )
    desktop.login("leader")
    desktop.open(commitment.plan.get_absolute_url())
    desktop.locator(".inline-form").nth(1).locator("input[name=comment]").fill("Thiếu minh chứng.")
    desktop.locator(".inline-form").nth(1).locator("button[name=return]").click()
    desktop.wait_for_load_state()
    desktop.locator(".inline-form").first.locator("button[name=verify]").click()
    desktop.wait_for_load_state()
    text = desktop.locator(".commitment").inner_text()
    assert "10 / 40" in text  # the returned 5 is listed, not summed
    assert "Trả lại" in text and "Thiếu minh chứng." in text
    desktop.page.context.clear_cookies()
    desktop.open(commitment.plan.get_absolute_url())
    assert "10 / 40" in desktop.locator(".commitment").inner_text()
