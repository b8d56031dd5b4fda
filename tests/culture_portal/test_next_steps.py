"""The next step is one click: "Gửi duyệt", "Đăng ngay", "Hẹn giờ đăng", "Trình duyệt kế
hoạch" as buttons of the object's form for those allowed; what waits sorts first and is
counted on each role's admin home; one clear message per save."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from institutions.models import ProfileChange
from news.models import Article
from tests.culture_portal.form_data import admin_form_data
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    CommitmentFactory,
    InstitutionFactory,
    WorkPlanFactory,
)
from work_plans.models import WorkPlan

pytestmark = pytest.mark.django_db


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def press(client, obj, step, **changes):
    """Send the object's form back as shown, with `changes`, through a step button."""
    page = client.get(change_url(obj))
    data = {**admin_form_data(page), **changes, "_step": step}
    return client.post(change_url(obj), data, follow=True)


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def draft(**fields):
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, **fields)


def test_editor_sends_a_draft_for_review_with_one_click(client, editor):
    article = draft(title="Hội thi tuyên truyền lưu động")
    client.force_login(editor)

    page = client.get(change_url(article))
    response = press(client, article, "review")

    assertContains(page, '<button type="submit" name="_step" value="review"')
    assertNotContains(page, 'value="publish"')
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert said(response) == [
        "Đã gửi duyệt “Hội thi tuyên truyền lưu động”. Tin nằm ở đầu danh sách của người duyệt tin."
    ]


def test_sending_for_review_names_what_is_missing_and_keeps_the_draft(client, editor):
    article = draft(lead="", category=None)
    client.force_login(editor)

    response = press(client, article, "review")

    assertContains(response, "Cần nhập sapo trước khi gửi duyệt hoặc đăng.")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_editor_cannot_publish_with_a_crafted_button(client, editor):
    article = draft()
    client.force_login(editor)

    press(client, article, "publish")

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_publisher_publishes_or_schedules_with_one_click(client, publisher):
    now_article = draft(title="Đăng ngay")
    later_article = draft(title="Hẹn giờ")
    client.force_login(publisher)

    published = press(client, now_article, "publish")
    refused = press(client, later_article, "schedule")
    when = timezone.localtime(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    scheduled = press(
        client,
        later_article,
        "schedule",
        published_at_0=when.strftime("%d/%m/%Y"),
        published_at_1=when.strftime("%H:%M"),
    )

    now_article.refresh_from_db()
    later_article.refresh_from_db()
    assert now_article.is_public
    assert said(published) == ["Đã đăng “Đăng ngay” lên trang."]
    assertContains(refused, "Hãy chọn ngày và giờ đăng trong tương lai")
    assert later_article.is_scheduled and later_article.published_at == when
    assert said(scheduled) == [f"Đã hẹn đăng “Hẹn giờ” lúc {when:%H:%M %d/%m/%Y}."]
    assertContains(client.get(change_url(now_article)), 'value="unpublish"')


def test_articles_waiting_for_review_come_first(client, publisher):
    ArticleFactory(title="Tin đã đăng mới nhất")
    draft(title="Bản nháp")
    waiting = draft(title="Tin chờ duyệt cũ")
    Article.objects.filter(pk=waiting.pk).update(status=Article.Status.REVIEW)
    client.force_login(publisher)

    html = client.get(reverse("admin:news_article_changelist")).content.decode()

    assert html.index("Tin chờ duyệt cũ") < html.index("Bản nháp") < html.index("Tin đã đăng")


def plan_with_staff(staff, **fields):
    institution = InstitutionFactory(name="Thư viện tỉnh")
    institution.editors.add(staff)
    return WorkPlanFactory(
        institution=institution, year=2026, status="draft", approved_at=None, **fields
    )


def test_staff_submits_a_plan_with_one_click_and_a_leader_approves_it(client, staff_a, leader):
    plan = plan_with_staff(staff_a)
    CommitmentFactory(plan=plan)
    client.force_login(staff_a)

    page = client.get(change_url(plan))
    response = press(client, plan, "submit")

    assertContains(page, "Trình duyệt kế hoạch")
    plan.refresh_from_db()
    assert plan.status == WorkPlan.Status.SUBMITTED
    assert len(said(response)) == 1 and said(response)[0].startswith("Đã trình duyệt kế hoạch")

    client.force_login(leader)
    assertContains(client.get(reverse("admin:index")), "Kế hoạch chờ phê duyệt")
    press(client, plan, "approve")
    plan.refresh_from_db()
    assert plan.status == WorkPlan.Status.APPROVED


def test_a_plan_without_commitments_is_saved_and_says_why_it_is_not_submitted(client, staff_a):
    plan = plan_with_staff(staff_a, title="Kế hoạch trống")
    client.force_login(staff_a)

    response = press(client, plan, "submit", title="Kế hoạch đã sửa")

    plan.refresh_from_db()
    assert plan.status == WorkPlan.Status.DRAFT and plan.title == "Kế hoạch đã sửa"
    assert said(response) == [
        "Đã lưu kế hoạch nhưng chưa trình duyệt được: Kế hoạch cần có ít nhất một cam kết "
        "trước khi trình duyệt."
    ]


def test_plans_waiting_for_approval_come_first(client, leader):
    WorkPlanFactory(institution=InstitutionFactory(name="Bảo tàng tỉnh"), year=2027)
    WorkPlanFactory(
        institution=InstitutionFactory(name="Xã Mỹ Hiệp"), status="submitted", approved_at=None
    )
    client.force_login(leader)

    html = client.get(reverse("admin:work_plans_workplan_changelist")).content.decode()

    assert html.index("Xã Mỹ Hiệp") < html.index("Bảo tàng tỉnh")


def test_a_proposed_profile_change_gets_one_message_that_it_waits(client, staff_a):
    institution = InstitutionFactory(name="Nhà văn hóa xã Mỹ Hiệp")
    institution.editors.add(staff_a)
    client.force_login(staff_a)

    page = client.get(change_url(institution))
    data = {**admin_form_data(page), "opening_hours": "7:30–17:00"}
    response = client.post(change_url(institution), data, follow=True)

    assert ProfileChange.objects.filter(institution=institution).count() == 1
    assert said(response) == [
        "Đã gửi thay đổi hồ sơ “Nhà văn hóa xã Mỹ Hiệp”; thay đổi đang chờ lãnh đạo duyệt. "
        "Trang công khai vẫn hiện nội dung đã duyệt trước đó."
    ]


def test_each_role_home_opens_with_what_waits_for_it(client, editor, publisher, staff_a):
    draft(created_by=editor)
    ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    plan_with_staff(staff_a)

    client.force_login(editor)
    editor_home = client.get(reverse("admin:index"))
    client.force_login(publisher)
    publisher_home = client.get(reverse("admin:index"))
    client.force_login(staff_a)
    staff_home = client.get(reverse("admin:index"))

    assertContains(editor_home, "Bản nháp của bạn")
    assertContains(editor_home, "?cua-toi=1&amp;status__exact=draft")
    assertContains(publisher_home, "Tin hẹn giờ đăng")
    assertContains(staff_home, "Kế hoạch chưa trình duyệt")
    assertContains(staff_home, "Hồ sơ thiết chế của bạn")
    mine = client.get(reverse("admin:news_article_changelist") + "?cua-toi=1")
    assert mine.status_code in (200, 302)


def test_editor_list_of_own_drafts(client, editor):
    draft(title="Tin của tôi", created_by=editor)
    draft(title="Tin của người khác")
    client.force_login(editor)

    response = client.get(reverse("admin:news_article_changelist") + "?cua-toi=1")

    assertContains(response, "Tin của tôi")
    assertNotContains(response, "Tin của người khác")


def test_category_choice_keeps_working_for_the_steps(client, editor):
    """The step buttons post the whole form: a category chosen in it is kept."""
    article = draft(category=None)
    category = CategoryFactory(name="Thể thao")
    client.force_login(editor)

    press(client, article, "review", category=str(category.pk))

    article.refresh_from_db()
    assert article.category == category and article.status == Article.Status.REVIEW
