"""Who may do what to institution A's objects, tried as an attacker would: crafted GET and POST
requests with guessed ids, through the main doors (list, view, add, change, delete, export) and
the side doors (history, restoring a version, bulk actions, autocomplete, previews, downloads,
the leaders' review pages). Every refusal is checked on the server: the answer, and the rows,
which must be exactly as before.

Each object kind has a table: operation → the roles for which it takes effect (or shows A's
object). Every other role must be refused.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse

from audit import trail as audit
from audit.models import AuditEvent
from institutions.models import (
    Assessment,
    FacilityKind,
    Institution,
    InstitutionType,
    ProfileChange,
)
from institutions.reviewing import submit_profile_change
from news.models import Article, ArticlePhoto
from tests.culture_portal.form_data import admin_form_data
from tests.factories import (
    AdministrativeUnitFactory,
    ArticleFactory,
    CategoryFactory,
    CommitmentFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
    jpeg_file,
)
from work_plans.models import CommitmentCategory, ProgressReport, WorkPlan

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "publisher", "staff_a", "staff_b", "leader", "superuser"]
WRITERS = {"editor", "publisher", "superuser"}
OWNERS = {"staff_a", "leader", "superuser"}  # who works on A's institution, its plans, reports
REVIEWERS = {"leader", "superuser"}
NOBODY: set[str] = set()
ONLY_ROOT = {"superuser"}
MARK = "Alpha"  # in the name of every object of A, to see whether a response shows it
JPEG = jpeg_file().read()


@pytest.fixture
def world(staff_a, staff_b, editor, superuser):
    a = InstitutionFactory(name=f"Trung tâm Văn hóa {MARK}", opening_hours="7 giờ – 17 giờ")
    b = InstitutionFactory(name="Trung tâm Văn hóa Beta")
    spare = InstitutionFactory(name=f"Nhà văn hóa ấp {MARK}")  # A's too, nothing depends on it
    a.editors.add(staff_a)
    spare.editors.add(staff_a)
    b.editors.add(staff_b)
    plan = WorkPlanFactory(institution=a, year=2026, title=f"Kế hoạch {MARK}", status="draft")
    commitment = CommitmentFactory(plan=plan, description=f"Chiếu phim {MARK}")
    approved_plan = WorkPlanFactory(institution=a, year=2025, title=f"Kế hoạch {MARK} 2025")
    report = ProgressReportFactory(
        commitment=CommitmentFactory(plan=approved_plan, description=f"Biểu diễn {MARK}"),
        quantity=5,
        status="submitted",
        note=f"Báo cáo {MARK}",
        submitted_by=staff_a,
        evidence_file=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4\n% Alpha\n%%EOF\n"),
    )
    pending = submit_profile_change(a, {"opening_hours": f"Mở cả ngày {MARK}"}, by=staff_a)
    assessment = Assessment.objects.create(
        institution=a, year=2025, rating="good", comments=f"Nhận xét {MARK}"
    )
    article = ArticleFactory(
        title=f"Tin nháp {MARK}",
        status=Article.Status.DRAFT,
        published_at=None,
        created_by=editor,
        category=CategoryFactory(name="Văn hóa"),
    )
    return {
        "institution": a,
        "spare": spare,
        "other": b,
        "plan": plan,
        "commitment": commitment,
        "approved_plan": approved_plan,
        "report": report,
        "profilechange": pending,
        "assessment": assessment,
        "article": article,
    }


def sign_in(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def shown(response) -> bool:
    """The response is a page (or data) that shows A's object."""
    assert response.status_code != 500
    return response.status_code == 200 and MARK in response.content.decode()


def snapshot(obj):
    return type(obj)._default_manager.filter(pk=obj.pk).values().first()


def admin_url(obj, action, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args or [obj.pk])


def view_on_site(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


def data_as_superuser(client, url, superuser) -> dict:
    """The form as the superuser sees it: a complete, valid submission to craft from."""
    client.force_login(superuser)
    data = admin_form_data(client.get(url))
    client.logout()
    return data


def bulk(client, obj, action):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    response = client.post(url, {"action": action, "_selected_action": [obj.pk], "post": "yes"})
    assert response.status_code != 500
    return response


def post(client, url, data=None):
    response = client.post(url, data or {})
    assert response.status_code != 500
    return response


def photos_url(article):
    return reverse("admin:news_article_photos", args=[article.pk])


def shown_photos(client, article) -> bool:
    response = client.get(photos_url(article))
    assert response.status_code != 500
    return response.status_code == 200 and "photos" in response.json()


def autocomplete(client, app_label, model_name, field_name):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": MARK},
    )
    assert response.status_code != 500
    if response.status_code != 200:
        return False
    results = json.loads(response.content)["results"]
    return any(MARK in item["text"] for item in results)


def older_version(obj):
    return obj.history.order_by("history_date").first().history_id


# Institution A ------------------------------------------------------------------------------

INSTITUTION = {
    "list": OWNERS,
    "view": OWNERS,
    "history": OWNERS,
    "propose change": {"staff_a"},  # staff: the pending proposal, the public profile unchanged
    "withdraw proposal": {"staff_a"},
    "change live": REVIEWERS,
    "set status or editors": REVIEWERS,
    "add": ONLY_ROOT,
    "delete": ONLY_ROOT,
    "bulk delete": ONLY_ROOT,
    "restore older version": REVIEWERS,
    "deleted list": ONLY_ROOT,
    # Names and towns of institutions are public: a form that takes any institution (an
    # article's) may offer them to any staff member…
    "autocomplete": {"editor", "publisher", "staff_a", "staff_b", "leader", "superuser"},
    # … but a plan's form offers only the institutions the user plans for.
    "autocomplete for a plan": {"staff_a", "leader", "superuser"},
}


def institution_outcomes(client, request, role, world, superuser):
    a = world["institution"]
    change_url = admin_url(a, "change")
    data = data_as_superuser(client, change_url, superuser)
    sign_in(client, request, role)
    out = {
        "list": shown(client.get(reverse("admin:institutions_institution_changelist"))),
        "view": shown(client.get(change_url)),
        "history": shown(client.get(admin_url(a, "history"))),
        "autocomplete": autocomplete(client, "news", "article", "institutions"),
        "autocomplete for a plan": autocomplete(client, "work_plans", "workplan", "institution"),
    }
    post(client, change_url, {**data, "opening_hours": "Mở 24 giờ"})
    a.refresh_from_db()
    out["change live"] = a.opening_hours == "Mở 24 giờ"
    pending = ProfileChange.objects.pending().filter(institution=a).first()
    out["propose change"] = (
        not out["change live"]
        and pending is not None
        and pending.proposed.get("opening_hours") == "Mở 24 giờ"
    )
    pending = ProfileChange.objects.pending().filter(institution=a).first()
    post(client, reverse("admin:institutions_institution_withdraw", args=[a.pk]), {})
    out["withdraw proposal"] = (
        pending is not None and ProfileChange.objects.get(pk=pending.pk).status == "withdrawn"
    )
    before = snapshot(a)
    editors_before = set(a.editors.values_list("pk", flat=True))
    crafted = {**data, "status": "dissolved", "status_changed_on": "2026-01-01"}
    crafted["editors"] = [str(request.getfixturevalue("staff_b").pk)]
    post(client, change_url, crafted)
    a.refresh_from_db()
    out["set status or editors"] = (
        a.status == "dissolved" or set(a.editors.values_list("pk", flat=True)) != editors_before
    )
    if not out["set status or editors"]:
        assert snapshot(a)["status"] == before["status"]
    count = Institution.objects.count()
    crafted = {**data, "name": "Thiết chế giả mạo", "slug": ""}
    post(client, reverse("admin:institutions_institution_add"), crafted)
    out["add"] = Institution.objects.count() > count
    out["restore older version"] = _revert_institution(client, a, data)
    out["deleted list"] = client.get("/admin/institutions/institution/da-xoa/").status_code == 200
    spare = world["spare"]
    post(client, admin_url(spare, "delete"), {"post": "yes"})
    out["delete"] = not Institution.objects.filter(pk=spare.pk).exists()
    if out["delete"]:
        spare.save()  # back, for the bulk action
    bulk(client, spare, "delete_selected")
    out["bulk delete"] = not Institution.objects.filter(pk=spare.pk).exists()
    return out


def _revert_institution(client, a, data):
    a.refresh_from_db()
    a.opening_hours = current = "Giờ hiện hành"
    a.save()
    first = a.history.order_by("history_date").first()
    url = reverse("admin:institutions_institution_simple_history", args=[a.pk, first.history_id])
    post(client, url, {**data, "opening_hours": first.opening_hours})
    a.refresh_from_db()
    return a.opening_hours != current


@pytest.mark.parametrize("role", ROLES)
def test_institution_a(client, request, role, world, superuser):
    outcomes = institution_outcomes(client, request, role, world, superuser)
    expected = {op: role in roles for op, roles in INSTITUTION.items()}
    assert outcomes == expected


# A's work plan ------------------------------------------------------------------------------

PLAN = {
    "list": OWNERS,
    "view": OWNERS,
    "history": OWNERS,
    "public page while a draft": OWNERS,
    "export while a draft": OWNERS,
    "change a draft": OWNERS,
    "judge a commitment done in the draft": REVIEWERS,  # the leaders' call, as verifying is
    "submit (bulk action)": OWNERS,
    "approve (leader page)": REVIEWERS,
    "approve (bulk action)": REVIEWERS,
    "add for A": OWNERS,
    "add for B": {"staff_b", "leader", "superuser"},
    "delete an approved plan": NOBODY,  # the record of what was agreed stays
    "bulk delete a draft": ONLY_ROOT,
    "restore a draft version of the approved plan": REVIEWERS,
}


def set_status(plan, status):
    WorkPlan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()


def plan_outcomes(client, request, role, world, superuser):
    plan, a, b = world["plan"], world["institution"], world["other"]
    change_url = admin_url(plan, "change")
    data = data_as_superuser(client, change_url, superuser)
    add_data = data_as_superuser(client, reverse("admin:work_plans_workplan_add"), superuser)
    sign_in(client, request, role)
    public = reverse("work_plans:plan", args=[plan.year, a.slug])
    export = reverse("work_plans:plan-export", args=[plan.year, a.slug, "csv"])
    out = {
        "list": shown(client.get(reverse("admin:work_plans_workplan_changelist"))),
        "view": shown(client.get(change_url)),
        "history": shown(client.get(admin_url(plan, "history"))),
        "public page while a draft": shown(client.get(public)),
        "export while a draft": shown(client.get(export)),
    }
    post(client, change_url, {**data, "title": "Tiêu đề bị sửa"})
    plan.refresh_from_db()
    out["change a draft"] = plan.title == "Tiêu đề bị sửa"
    commitment = world["commitment"]
    judged = {k: v for k, v in data.items() if not k.endswith("-judgement")}
    prefix = next(k for k in data if k.endswith("-id") and data[k] == str(commitment.pk))[:-3]
    post(client, change_url, {**judged, f"{prefix}-judgement": "done"})
    commitment.refresh_from_db()
    out["judge a commitment done in the draft"] = commitment.judgement == "done"
    bulk(client, plan, "submit_selected")
    plan.refresh_from_db()
    out["submit (bulk action)"] = plan.status == "submitted"
    set_status(plan, "submitted")
    post(client, reverse("work_plans:approve", args=[plan.pk]))
    plan.refresh_from_db()
    out["approve (leader page)"] = plan.status == "approved"
    set_status(plan, "submitted")
    bulk(client, plan, "approve_selected")
    plan.refresh_from_db()
    out["approve (bulk action)"] = plan.status == "approved"
    add_url = reverse("admin:work_plans_workplan_add")
    for label, institution in (("add for A", a), ("add for B", b)):
        before = WorkPlan.objects.filter(institution=institution).count()
        post(client, add_url, {**add_data, "institution": institution.pk, "year": "2030"})
        out[label] = WorkPlan.objects.filter(institution=institution).count() > before
    out["restore a draft version of the approved plan"] = _revert_plan(client, plan, data)
    set_status(plan, "draft")
    bulk(client, plan, "delete_selected")
    out["bulk delete a draft"] = not WorkPlan.objects.filter(pk=plan.pk).exists()
    post(client, admin_url(world["approved_plan"], "delete"), {"post": "yes"})
    out["delete an approved plan"] = not WorkPlan.objects.filter(
        pk=world["approved_plan"].pk
    ).exists()
    return out


def _revert_plan(client, plan, data):
    set_status(plan, "draft")
    plan.title = "Bản nháp cũ"
    plan.save()
    draft_version = plan.history.latest("history_date").history_id
    plan.title = "Bản đã phê duyệt"
    plan.status = "approved"
    plan.save()
    url = reverse("admin:work_plans_workplan_simple_history", args=[plan.pk, draft_version])
    post(client, url, {**data, "title": "Bản nháp cũ"})
    plan.refresh_from_db()
    return plan.status != "approved" or plan.title != "Bản đã phê duyệt"


@pytest.mark.parametrize("role", ROLES)
def test_work_plan_of_a(client, request, role, world, superuser):
    outcomes = plan_outcomes(client, request, role, world, superuser)
    assert outcomes == {op: role in roles for op, roles in PLAN.items()}


# A's progress report ------------------------------------------------------------------------

REPORT = {
    "list": OWNERS,
    "view": OWNERS,
    "history": OWNERS,
    "unverified evidence file": OWNERS,
    "change": OWNERS,
    "add on A's commitment": OWNERS,
    "verify (leader page)": REVIEWERS,
    "verify (bulk action)": REVIEWERS,
    "restore a submitted version of the verified report": REVIEWERS,
    "delete": ONLY_ROOT,
    "bulk delete": ONLY_ROOT,
    "history once its plan is deleted": OWNERS,
}


def set_report_status(report, status):
    ProgressReport.objects.filter(pk=report.pk).update(status=status)
    report.refresh_from_db()


def report_outcomes(client, request, role, world, superuser):
    report = world["report"]
    change_url = admin_url(report, "change")
    data = data_as_superuser(client, change_url, superuser)
    sign_in(client, request, role)
    evidence = client.get(reverse("work_plans:evidence", args=[report.pk]))
    assert evidence.status_code != 500
    out = {
        "list": shown(client.get(reverse("admin:work_plans_progressreport_changelist"))),
        "view": shown(client.get(change_url)),
        "history": shown(client.get(admin_url(report, "history"))),
        "unverified evidence file": evidence.status_code == 200
        and MARK.encode() in b"".join(evidence.streaming_content),
    }
    post(client, change_url, {**data, "quantity": "37"})
    report.refresh_from_db()
    out["change"] = report.quantity == 37
    before = ProgressReport.objects.count()
    crafted = {**data, "period_start": "quarter:2025-04-01", "quantity": "2"}
    post(client, reverse("admin:work_plans_progressreport_add"), crafted)
    out["add on A's commitment"] = ProgressReport.objects.count() > before
    set_report_status(report, "submitted")
    post(client, reverse("work_plans:review-report", args=[report.pk]), {"verify": "1"})
    report.refresh_from_db()
    out["verify (leader page)"] = report.status == "verified"
    set_report_status(report, "submitted")
    bulk(client, report, "verify_selected")
    report.refresh_from_db()
    out["verify (bulk action)"] = report.status == "verified"
    out["restore a submitted version of the verified report"] = _revert_report(client, report, data)
    bulk(client, report, "delete_selected")
    out["bulk delete"] = not ProgressReport.objects.filter(pk=report.pk).exists()
    post(client, admin_url(report, "delete"), {"post": "yes"})
    out["delete"] = not ProgressReport.objects.filter(pk=report.pk).exists()
    # The history pages of a report deleted with its plan: its commitment is gone too.
    report = ProgressReportFactory(
        commitment=CommitmentFactory(plan=world["approved_plan"]), note=f"Báo cáo {MARK} 2"
    )
    WorkPlan.objects.filter(pk=world["approved_plan"].pk).delete()
    history = client.get(admin_url(report, "history"))
    assert history.status_code != 500
    out["history once its plan is deleted"] = history.status_code == 200
    return out


def _revert_report(client, report, data):
    set_report_status(report, "submitted")
    report.quantity = 90
    report.save()
    submitted = report.history.latest("history_date").history_id
    report.quantity = 5
    report.status = "verified"
    report.save()
    url = reverse("admin:work_plans_progressreport_simple_history", args=[report.pk, submitted])
    post(client, url, {**data, "quantity": "90"})
    report.refresh_from_db()
    return report.status != "verified" or report.quantity != 5


@pytest.mark.parametrize("role", ROLES)
def test_progress_report_of_a(client, request, role, world, superuser):
    outcomes = report_outcomes(client, request, role, world, superuser)
    assert outcomes == {op: role in roles for op, roles in REPORT.items()}


# A's pending profile change, A's assessment --------------------------------------------------

PROFILE_CHANGE = {
    "list": OWNERS,
    "view": OWNERS,
    "approve": REVIEWERS,
    "add": NOBODY,
    "delete": NOBODY,
    "bulk delete": NOBODY,
}


@pytest.mark.parametrize("role", ROLES)
def test_pending_profile_change_of_a(client, request, role, world):
    change = world["profilechange"]
    sign_in(client, request, role)
    review = reverse("admin:institutions_profilechange_review", args=[change.pk])
    out = {
        "list": shown(client.get(reverse("admin:institutions_profilechange_changelist"))),
        "view": shown(client.get(review)),
        "add": client.get(reverse("admin:institutions_profilechange_add")).status_code == 200,
    }
    bulk(client, change, "delete_selected")
    out["bulk delete"] = not ProfileChange.objects.filter(pk=change.pk).exists()
    post(client, admin_url(change, "delete"), {"post": "yes"})
    out["delete"] = not ProfileChange.objects.filter(pk=change.pk).exists()
    if ProfileChange.objects.filter(pk=change.pk).exists():
        post(client, review, {"_approve": "1"})
        change.refresh_from_db()
        out["approve"] = change.status == "approved"
    else:
        out["approve"] = False
    assert out == {op: role in roles for op, roles in PROFILE_CHANGE.items()}
    if not out["approve"]:
        world["institution"].refresh_from_db()
        assert MARK not in world["institution"].opening_hours  # the public profile unchanged


ASSESSMENT = {
    "list": REVIEWERS,
    "view": REVIEWERS,
    "add": REVIEWERS,
    "change": ONLY_ROOT,
    "delete": ONLY_ROOT,
}


@pytest.mark.parametrize("role", ROLES)
def test_assessment_of_a(client, request, role, world, superuser):
    assessment = world["assessment"]
    change_url = admin_url(assessment, "change")
    data = data_as_superuser(client, change_url, superuser)
    sign_in(client, request, role)
    out = {
        "list": shown(client.get(reverse("admin:institutions_assessment_changelist"))),
        "view": shown(client.get(change_url)),
    }
    before = Assessment.objects.count()
    post(client, reverse("admin:institutions_assessment_add"), {**data, "year": "2026"})
    out["add"] = Assessment.objects.count() > before
    post(client, change_url, {**data, "comments": "Đổi nhận xét"})
    assessment.refresh_from_db()
    out["change"] = assessment.comments == "Đổi nhận xét"
    post(client, admin_url(assessment, "delete"), {"post": "yes"})
    out["delete"] = not Assessment.objects.filter(pk=assessment.pk).exists()
    assert out == {op: role in roles for op, roles in ASSESSMENT.items()}


# A draft article ----------------------------------------------------------------------------

PUBLISHERS = {"publisher", "superuser"}
ARTICLE = {
    "list": WRITERS,
    "view": WRITERS,
    "history": WRITERS,
    "preview on the public site": WRITERS,
    "admin's redirect to the public address": WRITERS,  # a draft's address is its title
    "autocomplete as evidence": NOBODY,  # a draft is no evidence, for anyone
    "change": WRITERS,
    "the body editor's photo list": WRITERS,
    "upload a photo from the body editor": WRITERS,
    "publish through the form": PUBLISHERS,
    "publish with the form's button": PUBLISHERS,
    "publish (bulk action)": PUBLISHERS,
    "restore an older version": PUBLISHERS,
    "deleted list": PUBLISHERS,
    "delete": WRITERS,
}


@pytest.mark.parametrize("role", ROLES)
def test_draft_article(client, request, role, world, superuser):
    article = world["article"]
    change_url = admin_url(article, "change")
    data = data_as_superuser(client, change_url, superuser)
    sign_in(client, request, role)
    out = {
        "list": shown(client.get(reverse("admin:news_article_changelist"))),
        "view": shown(client.get(change_url)),
        "history": shown(client.get(admin_url(article, "history"))),
        "preview on the public site": shown(client.get(article.get_absolute_url())),
        "admin's redirect to the public address": article.slug
        in client.get(view_on_site(article)).get("Location", ""),
        "autocomplete as evidence": autocomplete(
            client, "work_plans", "progressreport", "evidence_article"
        ),
        "deleted list": client.get(reverse("admin:news_article_deleted")).status_code == 200,
        "the body editor's photo list": shown_photos(client, article),
    }
    photos = ArticlePhoto.objects.count()
    post(client, photos_url(article), {"image": SimpleUploadedFile("a.jpg", JPEG, "image/jpeg")})
    out["upload a photo from the body editor"] = ArticlePhoto.objects.count() > photos

    def fresh(**changes):  # the edit guard refuses a form opened before the last save
        version = Article.objects.get(pk=article.pk).version
        return {**data, "expected_version": str(version), **changes}

    post(client, change_url, fresh(title=f"Tin nháp {MARK} đã sửa"))
    article.refresh_from_db()
    out["change"] = article.title.endswith("đã sửa")
    post(client, change_url, fresh(status="published"))
    article.refresh_from_db()
    out["publish through the form"] = article.status == "published"
    Article.objects.filter(pk=article.pk).update(status="draft", published_at=None)
    post(client, change_url, fresh(_step="publish"))
    article.refresh_from_db()
    out["publish with the form's button"] = article.status == "published"
    Article.objects.filter(pk=article.pk).update(status="draft", published_at=None)
    bulk(client, article, "publish_selected")
    article.refresh_from_db()
    out["publish (bulk action)"] = article.status == "published"
    Article.objects.filter(pk=article.pk).update(status="draft", published_at=None)
    article.refresh_from_db()
    first = article.history.order_by("history_date").first()
    article.title = "Tiêu đề mới nhất"
    article.save()
    url = reverse("admin:news_article_simple_history", args=[article.pk, first.history_id])
    post(client, url, fresh(title=first.title))
    article.refresh_from_db()
    out["restore an older version"] = article.title == first.title
    post(client, admin_url(article, "delete"), {"post": "yes"})
    out["delete"] = not Article.objects.filter(pk=article.pk).exists()
    assert out == {op: role in roles for op, roles in ARTICLE.items()}


PUBLISHED_ARTICLE_INTERNALS = {
    "view, with the newsroom's note": WRITERS,
    "history": WRITERS,
    "an earlier draft version": WRITERS,
}


@pytest.mark.parametrize("role", ROLES)
def test_published_article_internals(client, request, role, editor):
    """A published article is public; its drafts and the newsroom's notes are not."""
    article = ArticleFactory(
        title=f"Bản nháp đầu {MARK}",
        status=Article.Status.DRAFT,
        published_at=None,
        editor_note="Ghi chú nội bộ Zeta",
        created_by=editor,
    )
    first = article.history.order_by("history_date").first()
    article.title = "Tin chính thức"
    article.editor_note = "Ghi chú nội bộ Zeta – đã sửa"
    article.status = Article.Status.PUBLISHED
    article.published_at = article.created_at
    article.save()
    sign_in(client, request, role)
    view = client.get(admin_url(article, "change"))
    history = client.get(admin_url(article, "history"))
    old = client.get(reverse("admin:news_article_simple_history", args=[article.pk, first.pk]))
    out = {
        "view, with the newsroom's note": view.status_code == 200
        and "Zeta" in view.content.decode(),
        "history": shown(history) or "Zeta" in history.content.decode(),
        "an earlier draft version": shown(old),
    }
    assert out == {op: role in roles for op, roles in PUBLISHED_ARTICLE_INTERNALS.items()}


# Leaders' pages -----------------------------------------------------------------------------

LEADER_PAGES = {
    "dashboard": REVIEWERS,
    "dashboard export": REVIEWERS,
    "institutions to follow up": REVIEWERS,
    "review page of A": REVIEWERS,
    "assess A (post)": REVIEWERS,
}


@pytest.mark.parametrize("role", ROLES)
def test_leader_pages(client, request, role, world):
    a = world["institution"]
    sign_in(client, request, role)
    dashboard = reverse("work_plans:dashboard", args=[2026])
    export = client.get(dashboard, {"xuat": "csv"})
    assert export.status_code != 500
    review = reverse("institutions:review", args=[a.slug])
    before = Assessment.objects.count()
    post(client, review, {"year": "2026", "rating": "good", "comments": "Đánh giá giả"})
    out = {
        "dashboard": shown(client.get(dashboard)),
        "dashboard export": export.status_code == 200 and MARK in export.content.decode(),
        "institutions to follow up": client.get(reverse("institutions:follow-up")).status_code
        == 200,
        "review page of A": shown(client.get(review)),
        "assess A (post)": Assessment.objects.count() > before,
    }
    assert out == {op: role in roles for op, roles in LEADER_PAGES.items()}


# Shared lists and settings: who may read, add, delete ---------------------------------------

PUBLISHERS_AND_ROOT = {"publisher", "superuser"}
# model: (how to make one, who may list it, who may add, who may delete)
REFERENCE = {
    "news.category": (
        lambda w: CategoryFactory(name=f"Chuyên mục {MARK}"),
        WRITERS,
        PUBLISHERS_AND_ROOT,
        ONLY_ROOT,
    ),
    "institutions.administrativeunit": (
        lambda w: AdministrativeUnitFactory(name=f"Xã {MARK}"),
        OWNERS | {"staff_b"},
        ONLY_ROOT,
        ONLY_ROOT,
    ),
    "institutions.institutiontype": (
        lambda w: InstitutionType.objects.create(name=f"Loại {MARK}", level=4),
        REVIEWERS,
        ONLY_ROOT,
        ONLY_ROOT,
    ),
    "institutions.facilitykind": (
        lambda w: FacilityKind.objects.create(name=f"Sân {MARK}", unit="sân"),
        OWNERS | {"staff_b"},
        ONLY_ROOT,
        ONLY_ROOT,
    ),
    "work_plans.commitmentcategory": (
        lambda w: CommitmentCategory.objects.create(name=f"Nhóm {MARK}"),
        OWNERS | {"staff_b"},
        REVIEWERS,
        ONLY_ROOT,
    ),
    "audit.auditevent": (
        lambda w: audit.record(AuditEvent.Action.DELETED, w, by=w.editors.first()),
        REVIEWERS,
        NOBODY,
        NOBODY,
    ),
    "auth.user": (lambda w: w.editors.first(), ONLY_ROOT, ONLY_ROOT, ONLY_ROOT),
    "auth.group": (
        lambda w: Group.objects.create(name=f"Nhóm {MARK}"),
        ONLY_ROOT,
        ONLY_ROOT,
        ONLY_ROOT,
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", REFERENCE)
def test_shared_lists_and_settings(client, request, role, label, staff_a, staff_b, superuser):
    make, can_list, can_add, can_delete = REFERENCE[label]
    institution = InstitutionFactory(name=f"Trung tâm {MARK}")
    institution.editors.add(staff_a)
    obj = make(institution)
    assert obj is not None
    app_label, model_name = label.split(".")
    sign_in(client, request, role)
    listing = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    add = client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    assert listing.status_code != 500 and add.status_code != 500
    response = post(client, admin_url(obj, "delete"), {"post": "yes"})
    deleted = not type(obj)._default_manager.filter(pk=obj.pk).exists()
    if not deleted:
        assert response.status_code in (302, 403, 404)
    out = {
        "list": listing.status_code == 200,
        "add": add.status_code == 200,
        "delete": deleted,
    }
    expected = {
        "list": role in can_list,
        "add": role in can_add,
        "delete": role in can_delete,
    }
    assert out == expected


def test_site_identity_is_the_superusers():
    from django.contrib.auth.models import Permission

    assert not Permission.objects.filter(
        content_type__app_label="identity",
        codename__in=["change_siteidentity", "add_siteidentity"],
        group__isnull=False,
    ).exists()


# The office's sections (issue 22): the agency's pages, the documents register, the weekly
# schedule and the procedure links are the department office's, and nobody else's but the
# superuser's.

OFFICE_KEEPERS = {"office", "superuser"}


def office_objects():
    from agency.models import AttachedInstitution
    from services.models import Procedure
    from tests.factories import (
        AgencyPageFactory,
        DocumentFactory,
        DocumentTypeFactory,
        DraftFactory,
        FieldFactory,
        IssuerFactory,
        LeaderFactory,
        OfficeFactory,
        WeekFactory,
    )

    document = DocumentFactory(
        abstract=f"Quy chế {MARK}", type=DocumentTypeFactory(name=f"Quyết định {MARK}")
    )
    return {
        "consultations.draft": DraftFactory(title=f"Dự thảo Quy chế {MARK}"),
        "documents.document": document,
        "documents.documenttype": document.type,
        "documents.field": FieldFactory(name=f"Lĩnh vực {MARK}"),
        "documents.issuer": IssuerFactory(name=f"Cơ quan {MARK}", abbreviation="CQA"),
        "agency.agencypage": AgencyPageFactory(title_vi=f"Giới thiệu {MARK}"),
        "agency.office": OfficeFactory(name_vi=f"Phòng {MARK}"),
        "agency.leader": LeaderFactory(name=f"Lãnh đạo {MARK}"),
        "agency.attachedinstitution": AttachedInstitution.objects.create(
            institution=InstitutionFactory(name=f"Bảo tàng {MARK}")
        ),
        "schedule.week": WeekFactory(note=f"Ghi chú {MARK}"),
        "services.procedure": Procedure.objects.create(
            name=f"Thủ tục {MARK}",
            field=FieldFactory(name="Du lịch"),
            url="https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1",
        ),
    }


@pytest.mark.parametrize("role", [*ROLES, "office"])
def test_office_sections(client, request, role):
    objects = office_objects()
    sign_in(client, request, role)
    for label, obj in objects.items():
        app_label, model_name = label.split(".")
        name = f"admin:{app_label}_{model_name}"
        listing = client.get(reverse(f"{name}_changelist"))
        change = client.get(admin_url(obj, "change"))
        history = client.get(admin_url(obj, "history"))
        add = client.get(reverse(f"{name}_add"))
        for response in (listing, change, history, add):
            assert response.status_code != 500
        allowed = role in OFFICE_KEEPERS
        assert (listing.status_code == 200) == allowed, (label, role)
        assert shown(change) == allowed, (label, role)
        assert (add.status_code == 200) == allowed, (label, role)
        if hasattr(type(obj), "history") and obj.history.exists():
            version = obj.history.first().history_id
            simple = client.get(admin_url(obj, "simple_history", obj.pk, version))
            assert simple.status_code != 500
            assert (simple.status_code == 200) == allowed, (label, role)
    checklist = client.get(reverse("admin:agency_agencypage_checklist"))
    assert (checklist.status_code == 200) == (role in OFFICE_KEEPERS)
    # Deletion, tried last (a document type in use cannot go: PROTECT).
    for label in ("services.procedure", "agency.leader", "documents.document"):
        obj = objects[label]
        before = snapshot(obj)
        post(client, admin_url(obj, "delete"), {"post": "yes"})
        gone = not type(obj)._default_manager.filter(pk=obj.pk).exists()
        assert gone == (role in OFFICE_KEEPERS), (label, role)
        if not gone:
            assert snapshot(obj) == before


# Citizens' questions: the office triages and alone sees who asked; a leader approves -------

QUESTION_HANDLERS = {"office", "superuser"}
QUESTION_READERS = {"office", "leader", "superuser"}
QUESTION_APPROVERS = {"leader", "superuser"}


@pytest.mark.parametrize("role", [*ROLES, "office"])
def test_questions(client, request, role):
    from django.core.files.base import ContentFile

    from questions.models import Question
    from tests.factories import QuestionFactory, TopicFactory, pdf_bytes

    topic = TopicFactory(name=f"Chủ đề {MARK}")
    question = QuestionFactory(
        topic=topic,
        title=f"Câu hỏi {MARK}",
        status="review",
        answered_at=None,
        closed_at=None,
        email="nguoihoi@example.com",
    )
    question.attachment.save("don.pdf", ContentFile(pdf_bytes()))
    sign_in(client, request, role)
    listing = client.get(reverse("admin:questions_question_changelist"))
    change = client.get(admin_url(question, "change"))
    history = client.get(admin_url(question, "history"))
    add = client.get(reverse("admin:questions_question_add"))
    attachment = client.get(reverse("admin:questions_question_attachment", args=[question.pk]))
    for response in (listing, change, history, add, attachment):
        assert response.status_code != 500
    assert (listing.status_code == 200) == (role in QUESTION_READERS), role
    assert shown(change) == (role in QUESTION_READERS), role
    assert add.status_code != 200  # questions come only from the public form
    assert ("nguoihoi@example.com" in change.content.decode()) == (role in QUESTION_HANDLERS)
    assert (attachment.status_code == 200) == (role in QUESTION_HANDLERS), role
    topics = client.get(reverse("admin:questions_topic_changelist"))
    assert (topics.status_code == 200) == (role in QUESTION_HANDLERS), role
    assert shown(client.get(admin_url(topic, "change"))) == (role in QUESTION_HANDLERS)
    # Approval publishes: a leader's act, whoever else tries.
    before = snapshot(question)
    post(
        client,
        admin_url(question, "change"),
        {"office": "", "answer": question.answer, "staff_note": "", "step": "approve"},
    )
    question.refresh_from_db()
    published = question.status == Question.Status.ANSWERED
    assert published == (role in QUESTION_APPROVERS), role
    if not published and role not in QUESTION_HANDLERS:
        assert snapshot(question) == before
    # Deletion, tried last.
    post(client, admin_url(question, "delete"), {"post": "yes"})
    gone = not Question.objects.filter(pk=question.pk).exists()
    assert gone == (role in QUESTION_HANDLERS), role


@pytest.mark.parametrize("role", [*ROLES, "office"])
def test_comments_on_drafts(client, request, role):
    """Citizens' comments: the office moderates them and alone sees their contact details;
    no one adds one in the admin (they come from the public form)."""
    from tests.factories import CommentFactory

    comment = CommentFactory(
        body=f"Góp ý {MARK}", email="alpha.dan@example.com", phone="0911 222 333"
    )
    sign_in(client, request, role)
    allowed = role in OFFICE_KEEPERS
    listing = client.get(reverse("admin:consultations_comment_changelist"))
    change = client.get(admin_url(comment, "change"))
    assert (listing.status_code == 200) == allowed, role
    assert shown(change) == allowed, role
    assert ("alpha.dan@example.com" in change.content.decode()) == allowed, role
    assert client.get(reverse("admin:consultations_comment_add")).status_code in (302, 403)
    before = snapshot(comment)
    post(
        client,
        reverse("admin:consultations_comment_changelist"),
        {"action": "reject_selected", "_selected_action": [comment.pk]},
    )
    rejected = snapshot(comment)["status"] == "rejected"
    assert rejected == allowed, role
    if not allowed:
        assert snapshot(comment) == before
    post(client, admin_url(comment, "delete"), {"post": "yes"})
    gone = not type(comment)._default_manager.filter(pk=comment.pk).exists()
    assert gone == allowed, role


# Every admin and leader URL is in the matrix ------------------------------------------------

COVERED_ADMIN_MODELS = {
    "news_article": "test_draft_article",
    "news_category": "test_shared_lists_and_settings",
    "institutions_institution": "test_institution_a",
    "institutions_profilechange": "test_pending_profile_change_of_a",
    "institutions_assessment": "test_assessment_of_a",
    "institutions_administrativeunit": "test_shared_lists_and_settings",
    "institutions_institutiontype": "test_shared_lists_and_settings",
    "institutions_facilitykind": "test_shared_lists_and_settings",
    "work_plans_workplan": "test_work_plan_of_a",
    "work_plans_progressreport": "test_progress_report_of_a",
    "work_plans_commitmentcategory": "test_shared_lists_and_settings",
    "audit_auditevent": "test_shared_lists_and_settings",
    "identity_siteidentity": "test_site_identity_is_the_superusers",
    "documents_document": "test_office_sections",
    "documents_documenttype": "test_office_sections",
    "documents_field": "test_office_sections",
    "documents_issuer": "test_office_sections",
    "agency_agencypage": "test_office_sections",
    "agency_office": "test_office_sections",
    "agency_leader": "test_office_sections",
    "agency_attachedinstitution": "test_office_sections",
    "schedule_week": "test_office_sections",
    "services_procedure": "test_office_sections",
    "questions_question": "test_questions",
    "questions_topic": "test_questions",
    "consultations_draft": "test_office_sections",
    "consultations_comment": "test_comments_on_drafts",
    "auth_user": "test_shared_lists_and_settings",
    "auth_group": "test_shared_lists_and_settings",
    # django-axes' records: superusers only (no group holds a permission on them).
    "axes_accessattempt": "test_axes_records_are_the_superusers",
    "axes_accesslog": "test_axes_records_are_the_superusers",
    "axes_accessfailurelog": "test_axes_records_are_the_superusers",
}
# URLs of the admin site itself (sign-in, sign-out, own password, the JSON autocomplete used
# above, translations, the index pages that list only what a user may see).
ADMIN_SITE_URLS = {
    "index",
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
    None,
}
LEADER_URLS = {
    "work_plans:dashboard": "test_leader_pages",
    "work_plans:approve": "test_work_plan_of_a",
    "work_plans:review-report": "test_progress_report_of_a",
    "work_plans:evidence": "test_progress_report_of_a",
    "work_plans:plan-export": "test_work_plan_of_a",
    "work_plans:plan": "test_work_plan_of_a",
    "institutions:review": "test_leader_pages",
    "institutions:follow-up": "test_leader_pages",
    "news:article-detail": "test_draft_article",  # the preview of drafts
}


# Pages for everyone (their drafts and internals are covered above through LEADER_URLS).
PUBLIC_URLS = {
    "news:article-list",
    "news:feed",
    "news:category",
    "news:category-feed",
    "institutions:list",
    "institutions:places",
    "institutions:place",
    "institutions:detail",
    "work_plans:current",
    "work_plans:year",
    "documents:list",
    "documents:feed",
    "documents:detail",
    "documents:file",
    "schedule:current",
    "schedule:ical",
    "schedule:week",
    "schedule:week-ical",
    "services:list",
    "agency:home",
    "agency:functions",
    "agency:history",
    "agency:organisation",
    "agency:leaders",
    "agency:contacts",
    # Citizens' questions: the form, its acknowledgement, tracking and erasure by code.
    "questions:list",
    "questions:detail",
    "questions:ask",
    "questions:received",
    "questions:track",
    "questions:erase",
    "consultations:list",
    "consultations:detail",
    "consultations:comment",
    "consultations:comment-received",
    "consultations:file",
}


def test_axes_records_are_the_superusers(client, leader):
    client.force_login(leader)
    for model in ("accessattempt", "accesslog", "accessfailurelog"):
        assert client.get(reverse(f"admin:axes_{model}_changelist")).status_code == 403


def test_every_admin_and_leader_url_is_in_the_matrix():
    """A new admin page or model (a new side door) fails here until the matrix covers it."""

    def names(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from names(pattern.url_patterns)
            else:
                yield pattern.name

    admin_root = next(p for p in get_resolver().url_patterns if str(p.pattern) == "admin/")
    admin_names = set(names(admin_root.url_patterns))
    known_suffixes = (
        "changelist",
        "add",
        "history",
        "delete",
        "change",
        "simple_history",
        "deleted",
        "restore",
        "review",
        "withdraw",
        "password_change",
        "checklist",
        "photos",
        "attachment",
    )
    uncovered = set()
    for name in admin_names - ADMIN_SITE_URLS:
        model = next(
            (m for m in COVERED_ADMIN_MODELS if name.startswith(m + "_")),
            None,
        )
        if model is None or name[len(model) + 1 :] not in known_suffixes:
            uncovered.add(name)
    assert not uncovered, f"admin URLs missing from the access matrix: {sorted(uncovered)}"

    site_urls = set()
    for app in (
        "news",
        "institutions",
        "work_plans",
        "documents",
        "schedule",
        "services",
        "agency",
        "questions",
        "consultations",
    ):
        site_urls |= {f"{app}:{name}" for name in names(get_resolver(f"{app}.urls").url_patterns)}
    unclassified = site_urls - PUBLIC_URLS - set(LEADER_URLS)
    assert not unclassified, f"pages neither public nor in the access matrix: {unclassified}"
    for test_name in {*COVERED_ADMIN_MODELS.values(), *LEADER_URLS.values()}:
        assert test_name in globals(), test_name
