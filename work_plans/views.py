import hashlib
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import TemplateView

from institutions.models import Institution, Level
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from page_cache.fragments import versions_of
from uploads.storage import served_type
from vietnamese.sorting import sort_key
from work_plans import exporting, reviewing, roles
from work_plans.forms import DashboardFilter, YearSearch
from work_plans.fulfilment import plan_summary
from work_plans.models import Commitment, ProgressReport, WorkPlan, summaries_of


def plans_with_progress(queryset):
    """Plans with what their fulfilment needs, in a fixed number of queries."""
    commitments = Commitment.objects.select_related("category", "plan").prefetch_related(
        Prefetch(
            "reports",
            queryset=ProgressReport.objects.select_related("evidence_article").order_by(
                "period_start", "pk"
            ),
        )
    )
    return queryset.select_related("institution__type", "institution__unit").prefetch_related(
        Prefetch("commitments", queryset=commitments)
    )


def look_day(year: int) -> date:
    """The day a year's plans are looked at: today, the end of a past year, or the start
    of a future one."""
    today = timezone.localdate()
    return min(max(today, date(year, 1, 1)), date(year, 12, 31))


@require_safe
def current_year(request):
    return redirect("work_plans:year", year=timezone.localdate().year)


def read_as(model, db: str, **values):
    """An instance of `model` from values read from the database (its other fields deferred,
    as with `only()`)."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(db, names, [values[name] for name in names])


class FoundPlans:
    """The plans a year page found, made a page at a time (for its paginator) from what the
    search read: what the table shows of them (their other fields are deferred)."""

    def __init__(self, view):
        self.view = view

    def __getitem__(self, index: slice) -> list[WorkPlan]:
        rows, db = self.view.found[index], self.view.found_db
        plans = []
        for pk, name, slug, year, institution in rows:
            plan = read_as(WorkPlan, db, id=pk, year=year, institution_id=institution)
            plan.institution = read_as(Institution, db, id=institution, name=name, slug=slug)
            plans.append(plan)
        return plans


class YearView(BreadcrumbsMixin, TemplateView):
    """Public: the approved plans of a year with their verified progress, 50 a page, found by
    the institution's name (a province has a few hundred centres).

    The page below the title is a fragment kept between requests (templates/work_plans/
    year.html), keyed by the year, the page, the search, the day the figures are computed
    for and the versions of the plans and institutions. The view itself only checks the page
    number against the number of plans found, kept in the same cache under the same
    versions: when both are found, no query runs. The plans, their figures and the years
    are read only when the fragment is rendered (`view.page_obj`, `view.rows`,
    `view.years`).
    """

    template_name = "work_plans/year.html"
    paginate_by = 50
    page_cache_params = ("q", "page")

    def get(self, request, *args, **kwargs):
        self.year = kwargs["year"]
        self.form = YearSearch(request.GET or None)
        self.day = look_day(self.year)
        self.number = self.page_number()
        return super().get(request, *args, **kwargs)

    @cached_property
    def query(self) -> str | None:
        """What the page shows of the query: the search as sent, and the order of the search
        and the page number (the pagination links keep the query as sent, the page number
        replaced), e.g. "page&q=nhà văn hóa". None when the page depends on more of the
        request (another parameter that the pagination links keep, a parameter given twice,
        a search the form refuses): such a page is rendered afresh and kept nowhere."""
        query = self.request.GET
        if any(name not in ("q", "page") or len(query.getlist(name)) > 1 for name in query):
            return None
        if "q" in query and not self.form.is_valid():
            return None
        return "&".join(f"q={query['q']}" if name == "q" else name for name in query)

    def search(self) -> str:
        if self.form.is_valid():
            return self.form.cleaned_data["q"]
        return ""

    def count(self) -> int:
        """How many plans are found: kept between requests (under the versions of the plans
        and institutions) when the page may be."""
        if self.query is None:
            return len(self.found)
        kinds = versions_of(self.request)
        search = hashlib.sha256(self.search().encode()).hexdigest()[:32]
        key = f"plan-year-count:{self.year}:{search}:{kinds.work_plans}.{kinds.institutions}"
        count = caches["fragments"].get(key)
        if count is None:
            count = len(self.found)
            caches["fragments"].set(key, count, 600)
        return count

    @cached_property
    def found(self) -> list[tuple]:
        """The plans found, by the institution's name in Vietnamese order, then id (centres
        of the same name keep their place from page to page), as (id, institution's name,
        institution's slug, year, institution's id): all the table shows of them. Sorted here
        rather than by the database: the same key (vietnamese.sorting), far cheaper on a
        year's few hundred plans than computed by the database for each."""
        plans = WorkPlan.objects.public().filter(year=self.year)
        if self.search():
            plans = plans.filter(institution__in=Institution.objects.search(self.search()))
        rows = plans.order_by().values_list(
            "pk", "institution__name", "institution__slug", "year", "institution"
        )
        self.found_db = rows.db
        return sorted(rows, key=lambda row: (sort_key(row[1]), row[0]))

    @cached_property
    def paginator(self) -> Paginator:
        paginator = Paginator(FoundPlans(self), self.paginate_by)
        paginator.count = self.count()  # a cached property: set, never asked of the list
        return paginator

    def page_number(self) -> int:
        """The page asked for, as ListView reads it; 404 for one that does not exist."""
        page = self.request.GET.get("page") or 1
        try:
            number = int(page)
        except ValueError:
            if page != "last":
                raise Http404(_("Trang không hợp lệ.")) from None
            number = self.paginator.num_pages
        try:
            return self.paginator.validate_number(number)
        except InvalidPage as error:
            raise Http404(str(error)) from None

    @cached_property
    def page_obj(self):
        return self.paginator.page(self.number)

    @cached_property
    def page_range(self):
        return self.paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1)

    @cached_property
    def rows(self) -> list[dict]:
        return summaries_of(list(self.page_obj), self.day)

    @cached_property
    def years(self) -> list[int]:
        years = WorkPlan.objects.public().order_by().values_list("year", flat=True).distinct()
        return sorted(set(years), reverse=True)

    def get_context_data(self, **kwargs):
        # `year` comes from the URL's arguments.
        return super().get_context_data(day=self.day, form=self.form, number=self.number, **kwargs)

    def get_breadcrumbs(self):
        return [Crumb(_("Kế hoạch công tác"))]


class PlanView(BreadcrumbsMixin, TemplateView):
    """A plan with its commitments and progress reports. What the public sees below the
    title is a fragment kept between requests (templates/work_plans/plan.html), keyed by
    the plan, the day the figures are computed for and the versions of the plans,
    institutions and news it shows; the view reads the plan, its institution and who
    approved it in one query, itself kept between requests (`read_plan`), and its
    commitments and reports only when the fragment is rendered (`view.commitments`,
    `view.summary`). Those who work on the plan see it live.
    """

    template_name = "work_plans/plan.html"
    # What the page shows of the plan, its institution and who approved it.
    READ = (
        "year",
        "title",
        "status",
        "approved_at",
        "announcement",
        "institution__name",
        "institution__slug",
        "institution__is_public",
        "approved_by__username",  # its name (accounts.names.person_name)
        "approved_by__first_name",
        "approved_by__last_name",
    )

    def read_plan(self) -> WorkPlan:
        """The plan, its institution and who approved it: kept between requests under the
        versions of the plans and institutions (a new name of an approver renews the plans'
        version: work_plans/apps.py). A plan not found is looked for at each request."""
        kinds = versions_of(self.request)
        slug = hashlib.sha256(self.kwargs["slug"].encode()).hexdigest()[:32]
        key = f"plan-head:{self.kwargs['year']}:{slug}:{kinds.work_plans}.{kinds.institutions}"
        plan = caches["fragments"].get(key)
        if plan is None:
            plan = get_object_or_404(
                WorkPlan.objects.select_related("institution", "approved_by").only(*self.READ),
                year=self.kwargs["year"],
                institution__slug=self.kwargs["slug"],
            )
            caches["fragments"].set(key, plan, 600)
        return plan

    def get_context_data(self, **kwargs):
        self.plan = plan = self.read_plan()
        self.internal = internal = roles.works_on(self.request.user, plan)
        if not plan.is_public and not internal:
            raise Http404
        self.day = look_day(plan.year)
        return super().get_context_data(
            plan=plan,
            day=self.day,
            internal=internal,
            can_approve=internal and roles.can_approve(self.request.user),
            can_verify=internal and roles.can_verify(self.request.user),
            **kwargs,
        )

    @cached_property
    def commitments(self) -> list[dict]:
        plan = self.plan
        prefetch_related_objects(
            [plan],
            Prefetch(
                "commitments",
                queryset=Commitment.objects.select_related("category").prefetch_related(
                    Prefetch(
                        "reports",
                        queryset=ProgressReport.objects.select_related("evidence_article").order_by(
                            "period_start", "pk"
                        ),
                    )
                ),
            ),
        )
        return [
            {
                "commitment": c,
                "result": c.fulfilment(self.day),
                "reports": [
                    r
                    for r in c.reports.all()
                    if self.internal or r.status == ProgressReport.Status.VERIFIED
                ],
            }
            for c in plan.commitments.all()
        ]

    @cached_property
    def summary(self) -> dict:
        return plan_summary([item["result"] for item in self.commitments])

    def get_breadcrumbs(self):
        plan = self.plan
        year_page = reverse("work_plans:year", kwargs={"year": plan.year})
        return [
            Crumb(_("Kế hoạch năm %(year)s") % {"year": plan.year}, year_page),
            Crumb(plan.institution.name, plan.institution.get_absolute_url()),
        ]


class DashboardView(PermissionRequiredMixin, TemplateView):
    """Leaders: every plan of a year, its status, fulfilment and what is behind."""

    permission_required = "work_plans.view_dashboard"
    template_name = "work_plans/dashboard.html"
    COLUMNS = {
        "institution": lambda r: r["plan"].institution.name,
        "level": lambda r: r["plan"].institution.level,
        "status": lambda r: r["plan"].status,
        "share": lambda r: -1 if r["share"] is None else r["share"],
        "behind": lambda r: r["behind"],
        "count": lambda r: r["count"],
    }

    def rows(self):
        year = self.kwargs["year"]
        self.form = DashboardFilter(self.request.GET or None)
        plans = self.form.filter(WorkPlan.objects.filter(year=year))
        day = look_day(year)
        rows = plans.select_related("institution__type", "institution__unit").summaries(day)
        sort = self.request.GET.get("sort", "institution")
        key = self.COLUMNS.get(sort.lstrip("-"), self.COLUMNS["institution"])
        rows.sort(key=key, reverse=sort.startswith("-"))
        return rows, day

    def get(self, request, *args, **kwargs):
        export = request.GET.get("xuat")
        if export in ("xlsx", "csv"):
            rows, day = self.rows()
            return exporting.dashboard_response(rows, self.kwargs["year"], day, export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows, day = self.rows()
        return super().get_context_data(
            day=day,
            rows=rows,
            form=self.form,
            sort=self.request.GET.get("sort", "institution"),
            levels=dict(Level.choices),
            **kwargs,
        )


@require_safe
def plan_export(request, year, slug, export):
    if export not in ("xlsx", "csv"):
        raise Http404
    plan = get_object_or_404(
        plans_with_progress(WorkPlan.objects.all()), year=year, institution__slug=slug
    )
    internal = roles.works_on(request.user, plan)
    if not plan.is_public and not internal:
        raise Http404
    return exporting.plan_response(plan, look_day(year), export)


def _plan_for_action(request, pk):
    plan = get_object_or_404(roles.editable_plans(request.user), pk=pk)
    return plan


@login_required
@require_POST
def approve(request, pk):
    plan = _plan_for_action(request, pk)
    if not roles.can_approve(request.user):
        raise PermissionDenied
    try:
        reviewing.approve_plan(plan, by=request.user)
        messages.success(request, "Đã phê duyệt kế hoạch.")
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    return redirect(plan.get_absolute_url())


@login_required
@require_POST
def review_report(request, pk):
    report = get_object_or_404(
        ProgressReport.objects.filter(
            commitment__plan__in=roles.editable_plans(request.user)
        ).select_related("commitment__plan__institution"),
        pk=pk,
    )
    if not roles.can_verify(request.user):
        raise PermissionDenied
    try:
        if "verify" in request.POST:
            reviewing.verify_report(report, by=request.user)
            messages.success(request, "Đã xác nhận báo cáo.")
        else:
            reviewing.return_report(
                report, by=request.user, comment=request.POST.get("comment", "")
            )
            messages.success(request, "Đã trả lại báo cáo kèm ý kiến.")
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    return redirect(report.commitment.plan.get_absolute_url())


@require_safe
def evidence(request, pk):
    """An evidence file: public once its report is verified on an approved plan; before
    that, only for the institution's staff and leaders."""
    report = get_object_or_404(ProgressReport.objects.select_related("commitment__plan"), pk=pk)
    plan = report.commitment.plan
    public = report.status == ProgressReport.Status.VERIFIED and plan.is_public
    if not report.evidence_file or not (public or roles.works_on(request.user, plan)):
        raise Http404
    content_type, disposition = served_type(report.evidence_file.name)
    response = FileResponse(
        report.evidence_file.open("rb"),
        as_attachment=disposition == "attachment",
        filename=report.evidence_filename,
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store" if not public else "public, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
