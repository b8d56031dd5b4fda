import re
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db.models import Count, Q, prefetch_related_objects
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_filters.views import FilterView

from institutions import reviewing, roles
from institutions.filters import InstitutionFilter
from institutions.forms import AssessmentForm, FollowUpFilter
from institutions.models import (
    AdministrativeUnit,
    Institution,
    Level,
)
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin
from page_cache.fragments import versions_of
from vietnamese.sorting import SortKey, sort_key

LEADER_PERMISSION = "institutions.change_any_institution"


def latest_plan(institution, today: date | None = None):
    """The institution's latest approved work plan with its verified fulfilment, if any, on
    `today` (by default the current day).

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
    today = today or timezone.localdate()
    day = min(max(today, date(plan.year, 1, 1)), date(plan.year, 12, 31))
    return {"plan": plan, **plan.fulfilment(day)}


def directory_crumb() -> Crumb:
    return Crumb(_("Thiết chế văn hóa"), reverse("institutions:list"))


def place_crumbs(unit, query: str = "") -> list[Crumb]:
    """A unit and the units above it, each linking to its page."""
    return [Crumb(u.title_name, u.get_absolute_url() + query) for u in [*unit.ancestors(), unit]]


# The directory's query values that a kept fragment may be keyed by (the rest, e.g. a text
# search, whose results the search index decides, or "page=last", are rendered live): few,
# short and of a fixed shape, so a stranger's query cannot make keys of any length.
FRAGMENT_VALUES = {
    "page": re.compile(r"([1-9][0-9]{0,5})?"),
    "level": re.compile(r"[0-9]{0,2}"),
    "type": re.compile(r"[-a-z0-9]{0,100}"),
    "province": re.compile(r"[0-9]{0,19}"),
    "district": re.compile(r"[0-9]{0,19}"),
    "commune": re.compile(r"[0-9]{0,19}"),
    "status": re.compile(r"[a-z]{0,20}"),
    "q": re.compile(r""),
}


class InstitutionListView(BreadcrumbsMixin, FilterView):
    """The directory. Below its heading, the page (filter form, counts per level, the page of
    institutions and its links) is a fragment kept between requests, keyed by the query and
    the version of the institutions (templates/institutions/institution_list.html): the
    filter, its choices, the page of the list and the counts are read only when that fragment
    is rendered (`view.filterset`, `view.page_obj`, `view.level_counts`)."""

    filterset_class = InstitutionFilter
    paginate_by = 20
    page_cache_params = (*InstitutionFilter.base_filters, "page")
    strict = False
    template_name = "institutions/institution_list.html"

    def get_queryset(self):
        # The cards show no photo: none is read.
        return (
            Institution.objects.public()
            .select_related("type", "unit", "unit__parent")
            .order_by("level", SortKey("name"), "pk")
        )

    def get(self, request, *args, **kwargs):
        if not self.fragment_found:
            # Read now: a page past the last one is not found (404), as ListView does.
            _page = self.page_obj
            if self.filterset.is_bound and not self.filterset.is_valid():
                # Values that name nothing (a place no place has): rendered live, not kept,
                # so that strangers' queries cannot fill the cache.
                self.fragment_key = None
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        # Not MultipleObjectMixin's: it would read the page of the list on every request.
        return {"view": self, "breadcrumbs": self.get_breadcrumbs(), **kwargs}

    def get_template_names(self):
        return [self.template_name]

    @cached_property
    def fragment_key(self) -> str | None:
        """What the kept fragment shows depends on: the version of the institutions (their
        types and places too), the language, and the query as it is (the form shows the
        values given and the links keep the others); None if the page is rendered live.
        Only queries whose values all name something are kept (see `get`)."""
        query = self.request.GET
        for name, values in query.lists():
            pattern = FRAGMENT_VALUES.get(name)
            if pattern is None or len(values) > 2 or not all(map(pattern.fullmatch, values)):
                return None
        version = versions_of(self.request).institutions
        return f"{version}|{get_language()}|{query.urlencode()}"

    @cached_property
    def fragment_found(self) -> bool:
        key = self.fragment_key
        if key is None:
            return False
        fragment = make_template_fragment_key("institution-directory", [key])
        return caches["fragments"].get(fragment) is not None

    @cached_property
    def page_number(self) -> int:
        if self.fragment_found:  # a page that exists, its number as given (no "last")
            return int(self.request.GET.get("page") or 1)
        return self.page_obj.number

    @cached_property
    def filterset(self):
        return self.get_filterset(self.get_filterset_class())

    @cached_property
    def page_obj(self):
        # strict = False: an invalid filter gets its message; the others still apply.
        _paginator, page, _queryset, _paginated = self.paginate_queryset(
            self.filterset.qs, self.paginate_by
        )
        return page

    @cached_property
    def page_range(self):
        page = self.page_obj
        return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)

    @cached_property
    def counts(self) -> dict[int, int]:
        """How many institutions the filter selects, per level."""
        return dict(self.filterset.qs.order_by().values_list("level").annotate(n=Count("pk")))

    @cached_property
    def level_counts(self) -> list[tuple]:
        return [(value, label, self.counts.get(value, 0)) for value, label in Level.choices]

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.count = sum(self.counts.values())  # one query for both
        return paginator

    def get_breadcrumbs(self):
        return [Crumb(_("Thiết chế văn hóa"))]


class InstitutionDetailView(BreadcrumbsMixin, DetailView):
    """An institution's page. Below its head (title, breadcrumbs: the institution with its
    type and place, `get_object`), its profile, plan, news and contact box are fragments kept
    between requests (templates/institutions/institution_detail.html), each keyed by the
    institution and the versions of the kinds of content it shows (a publish of news renews
    the news list alone); what each needs beyond the institution itself is read only when it
    is rendered (`view.full`, `view.current_units`, `view.plan`, `view.articles`)."""

    template_name = "institutions/institution_detail.html"

    def get_queryset(self):
        # A withdrawn institution's page is seen by those who may change it only.
        institutions = Institution.objects.all()
        if not self.request.user.is_authenticated:
            institutions = institutions.public()
        elif not roles.is_leader(self.request.user):
            institutions = institutions.filter(Q(is_public=True) | Q(editors=self.request.user))
        return institutions.select_related("type", "unit__parent__parent")

    def get_object(self, queryset=None):
        """The institution with its type and place. Visitors who are not signed in see public
        institutions only, the same for all: for them it is kept between requests with the
        fragments, under its address and the version of the institutions, so a page whose
        fragment is found runs no query. (Kept only once found: a wrong address keeps none.)"""
        if self.request.user.is_authenticated:
            return super().get_object(queryset)
        key = make_template_fragment_key(
            "institution-head", [self.kwargs["slug"], versions_of(self.request).institutions]
        )
        fragments = caches["fragments"]
        institution = fragments.get(key)
        if institution is None:
            institution = super().get_object(queryset)
            fragments.set(key, institution)
        return institution

    @cached_property
    def today(self) -> date:
        """The day the fragment shows: a place merged away and a plan's progress depend on it."""
        return timezone.localdate()

    @cached_property
    def full(self) -> Institution:
        # Successor and managing body are seldom set: prefetched (no query when unset) rather
        # than joined, as every join adds to PostgreSQL's planning of the page's query.
        prefetch_related_objects(
            [self.object], "photos", "facilities__kind", "successor", "managing_body"
        )
        return self.object

    @cached_property
    def articles(self):
        return list(
            self.object.articles.published()
            .select_related("category")
            .defer("body")
            .order_by("-published_at")[:10]
        )

    @cached_property
    def current_units(self):
        return self.object.unit.current_units(self.today)

    @cached_property
    def plan(self):
        return latest_plan(self.object, self.today)

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
