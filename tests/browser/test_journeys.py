"""Each role's main journey in the admin, end to end, as its people walk it; the publisher's
with the keyboard only. Screenshots of each step at 1280 and 360 px go to
$TEST_ARTIFACTS/screenshots (test-artifacts/ by default), named journey-<role>-<step>-<width>.png.
"""

from pathlib import Path

import pytest

from institutions.models import Institution, ProfileChange
from news.models import Article
from news.richtext import photo_ids
from tests.factories import CategoryFactory, staff_world
from work_plans import reviewing
from work_plans.models import WorkPlan

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
FILES = Path(__file__).parent / "files"
EDITOR = ".ProseMirror[contenteditable=true]"


def shots(tab, role, step):
    """The page now, at 1280 px and at 360 px."""
    size = tab.viewport_size
    tab.screenshot_as(f"journey-{role}-{step}")
    tab.set_viewport_size({"width": 360, "height": 800})
    tab.wait_for_timeout(100)
    tab.screenshot_as(f"journey-{role}-{step}")
    tab.set_viewport_size(size)


def messages_shown(tab) -> list[str]:
    return [m.strip() for m in tab.locator(".messagelist li").all_inner_texts()]


def test_editor_writes_an_article_with_a_photo_and_sends_it_for_review(desktop):
    world = staff_world()
    CategoryFactory(name="Văn hóa", slug="van-hoa")
    desktop.login("bientap")
    desktop.open("/admin/")
    shots(desktop, "editor", "1-home")
    desktop.click("text=Viết tin mới")

    desktop.fill("#id_title", "Liên hoan đờn ca tài tử các xã năm 2026")
    desktop.fill("#id_lead", "Mười hai đội đờn ca tài tử tham gia liên hoan tại nhà văn hóa xã.")
    desktop.click(EDITOR)
    desktop.keyboard.type("Liên hoan khai mạc tối thứ Bảy.")
    desktop.keyboard.press("Enter")
    desktop.keyboard.type("Các đội biểu diễn bài bản cổ và bài ca mới.")
    desktop.locator(f"{EDITOR} p").first.click()
    desktop.keyboard.press("End")
    desktop.wait_for_timeout(150)
    desktop.click("button[data-name=articlePhoto]")
    desktop.set_input_files(
        "dialog.article-photo-dialog input[type=file]", str(FILES / "doan-bieu-dien.jpg")
    )
    desktop.fill("dialog.article-photo-dialog input[name=caption]", "Đội đờn ca xã Mỹ Hiệp")
    desktop.fill("dialog.article-photo-dialog input[name=alt]", "Nghệ nhân đờn kìm trên sân khấu")
    shots(desktop, "editor", "2-photo-dialog")
    desktop.click("dialog.article-photo-dialog button[type=submit]")
    desktop.wait_for_selector(f"{EDITOR} figure img[src]")
    desktop.select_option("#id_category", label="Văn hóa")
    desktop.fill("#id_byline", "Thanh Nhàn")
    shots(desktop, "editor", "3-article-form")
    desktop.click("button[name=_step][value=review]")
    desktop.wait_for_url("**/admin/news/article/")

    assert messages_shown(desktop) == [
        "Đã gửi duyệt “Liên hoan đờn ca tài tử các xã năm 2026”. Tin nằm ở đầu danh sách của "
        "người duyệt tin."
    ]
    shots(desktop, "editor", "4-sent")
    article = Article.objects.get(title="Liên hoan đờn ca tài tử các xã năm 2026")
    assert article.status == Article.Status.REVIEW
    assert article.created_by == world["users"]["bientap"]
    photo = article.photos.get()
    assert article.body.startswith(
        f'<p>Liên hoan khai mạc tối thứ Bảy.</p><figure data-photo-id="{photo.pk}">'
    )
    assert photo_ids(article.body) == [photo.pk]


def tab_to(tab, test: str, limit=250):
    """Press Tab until the focused element passes `test` (a JS predicate of `el`)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({test}); }}"):
            return
    raise AssertionError(f"no element reached with Tab: {test}")


def test_publisher_reviews_and_publishes_with_the_keyboard_only(desktop):
    world = staff_world()
    waiting = world["waiting"]
    desktop.page.context.clear_cookies()
    desktop.open("/admin/login/")
    tab_to(desktop, "el.id === 'id_username'")
    desktop.keyboard.type("duyettin")
    desktop.keyboard.press("Tab")
    desktop.keyboard.type("a-long-test-passphrase")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/admin/")
    shots(desktop, "publisher", "1-home")

    # The home says what waits; its link opens the list, waiting articles first.
    tab_to(desktop, "el.textContent.trim() === 'Tin chờ duyệt'")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**publication=pending**")
    first = desktop.locator("#result_list tbody tr").first.inner_text()
    assert waiting.title in first
    shots(desktop, "publisher", "2-waiting-list")
    tab_to(desktop, f"el.textContent.trim() === {waiting.title!r}")
    desktop.keyboard.press("Enter")
    desktop.wait_for_selector("button[name=_step][value=publish]")
    shots(desktop, "publisher", "3-article-with-steps")
    violations = desktop.axe_violations()
    assert violations == [], violations

    tab_to(desktop, "el.name === '_step' && el.value === 'publish'")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/admin/news/article/")
    assert messages_shown(desktop) == [f"Đã đăng “{waiting.title}” lên trang."]
    shots(desktop, "publisher", "4-published")
    waiting.refresh_from_db()
    assert waiting.is_public and waiting.published_by == world["users"]["duyettin"]

    # Its history: numbered versions, names, statuses by their labels.
    desktop.open(f"/admin/news/article/{waiting.pk}/history/")
    history = desktop.locator("#change-history").inner_text()
    assert "Chờ duyệt → Đã đăng" in history and "Trần Văn Minh" in history
    shots(desktop, "publisher", "5-history")
    assert desktop.axe_violations() == []


def test_institution_staff_update_the_profile_and_submit_the_plan(desktop):
    world = staff_world()
    centre, plan = world["institution"], world["plan"]
    desktop.login("canbo")
    desktop.open("/admin/")
    shots(desktop, "staff", "1-home")
    desktop.click("text=Hồ sơ thiết chế của bạn")
    desktop.click(f"#result_list a:text-is('{centre.name}')")
    desktop.fill("#id_phone", "0277 3 851 999")
    value = desktop.input_value("#id_facilities-0-value")
    assert value == "2.400", value  # not "2400.00"
    shots(desktop, "staff", "2-profile-form")
    desktop.click("input[name=_save]")
    desktop.wait_for_load_state()
    shown = messages_shown(desktop)
    assert len(shown) == 1 and "đang chờ lãnh đạo duyệt" in shown[0], shown
    assert ProfileChange.objects.filter(
        institution=centre, proposed__phone="0277 3 851 999"
    ).exists()
    assert Institution.objects.get(pk=centre.pk).phone != "0277 3 851 999"

    desktop.open("/admin/")
    desktop.click("text=Kế hoạch chưa trình duyệt")
    desktop.click("#result_list tbody tr th a")
    shots(desktop, "staff", "3-plan-form")
    desktop.click("button[name=_step][value=submit]")
    desktop.wait_for_url("**/admin/work_plans/workplan/")
    shots(desktop, "staff", "4-plan-submitted")
    assert messages_shown(desktop)[0].startswith("Đã trình duyệt kế hoạch")
    plan.refresh_from_db()
    assert plan.status == WorkPlan.Status.SUBMITTED


def test_leader_approves_a_profile_change_and_a_plan(desktop):
    world = staff_world()
    leader = world["users"]["lanhdao"]
    reviewing.submit_plan(world["plan"], by=world["users"]["canbo"])
    desktop.login("lanhdao")
    desktop.open("/admin/")
    home = desktop.locator(".tasks").inner_text()
    assert "Thay đổi hồ sơ thiết chế chờ duyệt" in home and "Kế hoạch chờ phê duyệt" in home
    shots(desktop, "leader", "1-home")

    desktop.click("text=Thay đổi hồ sơ thiết chế chờ duyệt")
    desktop.click("#result_list tbody tr th a")
    assert "Phạm Thu Hà" in desktop.locator("#content").inner_text()  # who sent it, by name
    shots(desktop, "leader", "2-profile-change")
    desktop.click("input[name=_approve], button[name=_approve]")
    desktop.wait_for_load_state()
    assert messages_shown(desktop) == ["Đã duyệt; hồ sơ công khai đã được cập nhật."]
    world["institution"].refresh_from_db()
    assert world["institution"].opening_hours == "7:30–17:00, thứ Hai đến thứ Bảy"

    desktop.open("/admin/")
    desktop.click("text=Kế hoạch chờ phê duyệt")
    desktop.click("#result_list tbody tr th a")
    shots(desktop, "leader", "3-plan")
    desktop.click("button[name=_step][value=approve]")
    desktop.wait_for_url("**/admin/work_plans/workplan/")
    shots(desktop, "leader", "4-plan-approved")
    plan = WorkPlan.objects.get(pk=world["plan"].pk)
    assert plan.status == WorkPlan.Status.APPROVED and plan.approved_by == leader


def test_administrator_names_a_new_editor_and_finds_people_in_order(desktop):
    staff_world()
    desktop.login("quantri")
    desktop.open("/admin/auth/user/add/")
    desktop.fill("#id_username", "phongvien")
    desktop.fill("#id_password1", "mot-mat-khau-du-dai-2026")
    desktop.fill("#id_password2", "mot-mat-khau-du-dai-2026")
    shots(desktop, "admin", "1-new-account")
    desktop.click("input[name=_continue]")
    desktop.wait_for_selector("#id_first_name")
    desktop.fill("#id_last_name", "Đặng")
    desktop.fill("#id_first_name", "Thu Trang")
    desktop.check("#id_is_staff")
    desktop.select_option("#id_groups_from", label="Biên tập viên")
    desktop.click("#id_groups_add")
    shots(desktop, "admin", "2-account-form")
    desktop.click("input[name=_save]")
    desktop.wait_for_url("**/admin/auth/user/")
    shots(desktop, "admin", "3-people")
    names = desktop.locator("#result_list td.field-__str__").all_inner_texts()
    # By given name (first_name), in Vietnamese order; shown family name first.
    assert names == [
        "Lê Quản Trị",
        "Nguyễn Thị Lan",
        "Phạm Thu Hà",
        "Đặng Thu Trang",
        "Trần Văn Minh",
        "Võ Quang Huy",
    ]
