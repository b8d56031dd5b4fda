from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Prefetch, Q
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_filters.views import FilterView

from institutions import reviewing, roles
from institutions.filters import InstitutionFilter
from institutions.forms import AssessmentForm, FollowUpFilter
from institutions.models import (
    AdministrativeUnit,
    Institution,
    InstitutionPhoto,
    Level,
)
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin
from vietnamese.sorting import SortKey, sort_key

LEADER_PERMISSION = "institutions.change_any_institution"


def latest_plan(institution):
    """The institution's latest approved work plan with its verified fulfilment, if any.

    Reached through the reverse relation: institutions does not import work_plans.
    """
    plans = getattr(institution, "work_plans", None)
    if plans is None:
        return None
    plan = (
        plans.approved()
        .order_by("-year")
        .prefetch_related("commitments__reports", "commitments__category")
        .first()
    )
    if plan is None:
        return None
    today = timezone.localdate()
    day = min(max(today, date(plan.year, 1, 1)), date(plan.year, 12, 31))
    return {"plan": plan, **plan.fulfilment(day)}


def directory_crumb() -> Crumb:
    return Crumb(_("Thiết chế văn hóa"), reverse("institutions:list"))


def place_crumbs(unit, query: str = "") -> list[Crumb]:
    """A unit and the units above it, each linking to its page."""
    return [Crumb(u.title_name, u.get_absolute_url() + query) for u in [*unit.ancestors(), unit]]


class InstitutionListView(BreadcrumbsMixin, ElidedPageRangeMixin, FilterView):
    filterset_class = InstitutionFilter
    paginate_by = 20
    page_cache_params = (*InstitutionFilter.base_filters, "page")
    strict = False
    template_name = "institutions/institution_list.html"

    def get_queryset(self):
        cover = InstitutionPhoto.objects.order_by("order", "pk")
        return (
            Institution.objects.public()
            .select_related("type", "unit", "unit__parent")
            .prefetch_related(Prefetch("photos", queryset=cover, to_attr="listing_photos"))
            .order_by("level", SortKey("name"), "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(self.filterset.qs.order_by().values_list("level").annotate(n=Count("pk")))
        context["level_counts"] = [
            (value, label, counts.get(value, 0)) for value, label in Level.choices
        ]
        return context

    def get_breadcrumbs(self):
        return [Crumb(_("Thiết chế văn hóa"))]


class InstitutionDetailView(BreadcrumbsMixin, DetailView):
    template_name = "institutions/institution_detail.html"

    def get_queryset(self):
        # Successor and managing body are seldom set: prefetched (no query when unset) rather
        # than joined, as every join adds to PostgreSQL's planning of this query. A withdrawn
        # institution's page is seen by those who may change it only.
        institutions = Institution.objects.all()
        if not self.request.user.is_authenticated:
            institutions = institutions.public()
        elif not roles.is_leader(self.request.user):
            institutions = institutions.filter(Q(is_public=True) | Q(editors=self.request.user))
        return institutions.select_related("type", "unit__parent__parent").prefetch_related(
            "photos", "facilities__kind", "successor", "managing_body"
        )

    def get_context_data(self, **kwargs):
        institution = self.object
        articles = (
            institution.articles.published()
            .select_related("category")
            .defer("body")
            .order_by("-published_at")[:10]
        )
        return super().get_context_data(
            articles=articles,
            current_units=institution.unit.current_units(),
            plan=latest_plan(institution),
            **kwargs,
        )

    def get_breadcrumbs(self):
        return [directory_crumb(), *place_crumbs(self.object.unit)]


def directory_query(unit) -> str:
    """The directory's filter query that selects `unit` (villages: their commune)."""
    if unit is None:
        return ""
    if unit.level == Level.VILLAGE and unit.parent:
        unit = unit.parent
    names = {Level.PROVINCE: "province", Level.DISTRICT: "district", Level.COMMUNE: "commune"}
    query = QueryDict(mutable=True)
    for place in [*unit.ancestors(), unit]:
        if place.level in names:
            query[names[place.level]] = place.pk
    return query.urlencode()


class PlaceView(BreadcrumbsMixin, TemplateView):
    """Browse by place: a unit's sub-units with how many institutions each holds."""

    template_name = "institutions/place.html"
    page_cache_params = ("truoc-2025",)

    def get_context_data(self, **kwargs):
        unit = None
        if "pk" in self.kwargs:
            unit = get_object_or_404(
                AdministrativeUnit.objects.select_related("parent__parent"), pk=self.kwargs["pk"]
            )
        today = timezone.localdate()
        before = self.request.GET.get("truoc-2025") == "1" or (
            unit is not None and not unit.is_valid_on(today)
        )
        day = date(2025, 6, 30) if before else today
        units = (
            unit.children.all() if unit else AdministrativeUnit.objects.filter(level=Level.PROVINCE)
        )
        children = units.valid_on(day).order_by(SortKey("name")).with_institution_counts()
        # Places with institutions first (the department's own province before the others).
        children.sort(key=lambda child: (-child.institution_count, sort_key(child.name)))
        here = []
        if unit:
            here = Institution.objects.public().at_place(unit).select_related("type", "unit")
            here = here.order_by("level", SortKey("name"), "pk")
        self.unit, self.before = unit, before
        return super().get_context_data(
            unit=unit,
            directory_query=directory_query(unit),
            children=children,
            here=here,
            before=before,
            **kwargs,
        )

    def get_breadcrumbs(self):
        query = "?truoc-2025=1" if self.before else ""
        crumbs = [directory_crumb(), Crumb(_("Địa bàn"), reverse("institutions:places") + query)]
        if self.unit:
            crumbs += place_crumbs(self.unit, query)[:-1]
        return crumbs


class ReviewView(BreadcrumbsMixin, PermissionRequiredMixin, FormView):
    """A leader's review page of one institution, with its yearly assessments."""

    permission_required = LEADER_PERMISSION
    form_class = AssessmentForm
    template_name = "institutions/review.html"

    def dispatch(self, request, *args, **kwargs):
        self.institution = get_object_or_404(
            Institution.objects.select_related("type", "unit"), slug=kwargs["slug"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"year": timezone.localdate().year}

    def form_valid(self, form):
        assessment, created = reviewing.assess(
            self.institution,
            form.cleaned_data["year"],
            rating=form.cleaned_data["rating"],
            comments=form.cleaned_data["comments"],
            by=self.request.user,
        )
        message = (
            _("Đã lưu đánh giá năm %(year)s.")
            if created
            else _("Đã cập nhật đánh giá năm %(year)s (bản trước vẫn được giữ trong lịch sử).")
        )
        messages.success(self.request, message % {"year": assessment.year})
        return redirect("institutions:review", slug=self.institution.slug)

    def get_context_data(self, **kwargs):
        institution = self.institution
        year_ago = timezone.now() - timedelta(days=365)
        return super().get_context_data(
            institution=institution,
            missing=institution.missing_fields(),
            completeness=institution.completeness(),
            photos=institution.photos.all(),
            articles=institution.articles.published()
            .filter(published_at__gte=year_ago)
            .defer("body")
            .order_by("-published_at"),
            assessments=institution.assessments.select_related("assessed_by"),
            pending=institution.profile_changes.filter(status="pending"),
            plan=latest_plan(institution),
            **kwargs,
        )

    def get_breadcrumbs(self):
        institution = self.institution
        return [
            directory_crumb(),
            Crumb(institution.name, institution.get_absolute_url()),
            Crumb(_("Đánh giá")),
        ]


class FollowUpView(PermissionRequiredMixin, ElidedPageRangeMixin, ListView):
    """Institutions whose profiles are incomplete or not updated for a year."""

    permission_required = LEADER_PERMISSION
    paginate_by = 50
    template_name = "institutions/follow_up.html"

    def get_queryset(self):
        self.form = FollowUpFilter(self.request.GET or None)
        queryset = Institution.objects.active().needing_follow_up()
        if self.form.is_valid():
            queryset = self.form.apply(queryset)
        return queryset.select_related("type", "unit").order_by("updated_at")

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)
