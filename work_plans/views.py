from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import ListView, TemplateView

from institutions.models import Institution, Level
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin
from uploads.storage import served_type
from vietnamese.sorting import SortKey
from work_plans import exporting, reviewing, roles
from work_plans.forms import DashboardFilter, YearSearch
from work_plans.models import Commitment, ProgressReport, WorkPlan


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


class YearView(BreadcrumbsMixin, ElidedPageRangeMixin, ListView):
    """Public: the approved plans of a year with their verified progress, 50 a page, found by
    the institution's name (a province has a few hundred centres)."""

    template_name = "work_plans/year.html"
    paginate_by = 50
    page_cache_params = ("q", "page")

    def get_queryset(self):
        self.form = YearSearch(self.request.GET or None)
        plans = WorkPlan.objects.public().filter(year=self.kwargs["year"])
        if self.form.is_valid() and self.form.cleaned_data["q"]:
            found = Institution.objects.search(self.form.cleaned_data["q"])
            plans = plans.filter(institution__in=found)
        # By name, then id: centres of the same name keep their place from page to page.
        return plans.select_related("institution").order_by(SortKey("institution__name"), "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        day = look_day(year)
        years = WorkPlan.objects.public().values_list("year", flat=True).distinct()
        context.update(
            day=day,
            rows=context["object_list"].summaries(day),
            years=sorted(set(years), reverse=True),
            form=self.form,
            year=year,
        )
        return context

    def get_breadcrumbs(self):
        return [Crumb(_("Kế hoạch công tác"))]


class PlanView(BreadcrumbsMixin, TemplateView):
    template_name = "work_plans/plan.html"

    def get_context_data(self, **kwargs):
        self.plan = plan = get_object_or_404(
            plans_with_progress(WorkPlan.objects.all()),
            year=self.kwargs["year"],
            institution__slug=self.kwargs["slug"],
        )
        internal = roles.works_on(self.request.user, plan)
        if not plan.is_public and not internal:
            raise Http404
        day = look_day(plan.year)
        commitments = [
            {
                "commitment": c,
                "result": c.fulfilment(day),
                "reports": [
                    r
                    for r in c.reports.all()
                    if internal or r.status == ProgressReport.Status.VERIFIED
                ],
            }
            for c in plan.commitments.all()
        ]
        return super().get_context_data(
            plan=plan,
            day=day,
            internal=internal,
            commitments=commitments,
            summary=plan.fulfilment(day),
            can_approve=internal and roles.can_approve(self.request.user),
            can_verify=internal and roles.can_verify(self.request.user),
            **kwargs,
        )

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
