"""Institution staff and leaders with work plans, in a real browser."""

import pytest

from tests.factories import CommitmentFactory, InstitutionFactory, ProgressReportFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def plan(staff_a):
    institution = InstitutionFactory(name="Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp")
    institution.editors.add(staff_a)
    commitment = CommitmentFactory(
        plan__institution=institution, plan__year=2022, description="Tổ chức chiếu phim lưu động"
    )
    return commitment


def test_staff_reports_progress_and_a_leader_verifies_it(desktop, plan, staff_a, leader):
    desktop.login("staff_a")
    desktop.open("/admin/work_plans/progressreport/add/")
    assert desktop.axe_violations() == []
    desktop.select_option("#id_commitment", index=1)
    desktop.select_option("#id_period_start", "quarter:2022-01-01")
    desktop.fill("#id_quantity", "12")
    desktop.click("input[name=_save]")
    desktop.wait_for_url("**/admin/work_plans/progressreport/")
    assert "thành công" in desktop.locator(".messagelist").inner_text()

    desktop.login("leader")
    desktop.open(plan.plan.get_absolute_url())
    assert desktop.axe_violations() == []
    desktop.click("button[name=verify]")
    desktop.wait_for_load_state()
    assert "Đã xác nhận báo cáo." in desktop.locator(".messages").inner_text()
    assert "12 / 40" in desktop.locator(".commitment").inner_text()


def test_leader_filters_sorts_and_exports_the_dashboard(desktop, plan, leader):
    ProgressReportFactory(commitment=plan, quantity=20)
    desktop.login("leader")
    desktop.open("/ke-hoach/2022/bang-theo-doi/")
    assert desktop.axe_violations() == []
    desktop.select_option("#id_level", "1")
    desktop.click(".filters button[type=submit]")
    desktop.wait_for_url("**level=1**")
    assert "50%" in desktop.locator(".data-table").inner_text()
    desktop.click("text=Mức hoàn thành")
    with desktop.expect_download() as download:
        desktop.click("text=Xuất Excel")
    assert download.value.suggested_filename.endswith(".xlsx")
    desktop.screenshot_as("dashboard")


def test_citizen_reaches_an_institutions_plan(desktop, phone, plan):
    ProgressReportFactory(commitment=plan, quantity=40)
    for tab in (desktop, phone):
        tab.open(plan.plan.institution.get_absolute_url())
        tab.click("text=Xem cam kết và tiến độ")
        assert "Đã đạt" in tab.locator(".commitment").inner_text()
        assert tab.axe_violations() == []
        tab.screenshot_as("plan")
        tab.open("/ke-hoach/2022/")
        assert tab.axe_violations() == []
        tab.screenshot_as("plans-year")
    for path in (plan.plan.get_absolute_url(), "/ke-hoach/2022/"):
        phone.open(path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide on a 360px phone"
