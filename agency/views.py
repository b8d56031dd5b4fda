from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from agency.models import AgencyPage, AttachedInstitution, ContactOfficial, Leader, Office
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb


def about_crumb() -> Crumb:
    return Crumb(_("Giới thiệu"), reverse("agency:home"))


class AgencyMixin(BreadcrumbsMixin):
    """What every introduction page has: its title, the sections beside it, whether its
    text exists in the visitor's language, and its twin in the other language."""

    section = ""
    title = ""

    def translated(self) -> bool:
        return True

    def last_updated(self):
        return None

    def get_context_data(self, **kwargs):
        language = translation.get_language()
        translated = language == "vi" or self.translated()
        return super().get_context_data(
            section=self.section,
            page_title=self.get_title(),
            sections=sections(),
            is_translated=translated,
            english_available=translated if language == "en" else self.english_available(),
            last_updated=self.last_updated(),
            **kwargs,
        )

    def english_available(self) -> bool:
        with translation.override("en"):
            return self.translated()

    def get_title(self) -> str:
        return str(self.title)

    def get_breadcrumbs(self):
        if self.section == "home":
            return [Crumb(_("Giới thiệu"))]
        return [about_crumb(), Crumb(self.get_title())]


def sections() -> list[dict]:
    return [
        {"key": "home", "url": reverse("agency:home"), "label": _("Giới thiệu chung")},
        {
            "key": "functions",
            "url": reverse("agency:functions"),
            "label": _("Chức năng, nhiệm vụ"),
        },
        {"key": "history", "url": reverse("agency:history"), "label": _("Lịch sử")},
        {
            "key": "organisation",
            "url": reverse("agency:organisation"),
            "label": _("Cơ cấu tổ chức"),
        },
        {"key": "leaders", "url": reverse("agency:leaders"), "label": _("Lãnh đạo Sở")},
        {"key": "contacts", "url": reverse("agency:contacts"), "label": _("Liên hệ")},
    ]


class PageView(AgencyMixin, TemplateView):
    """An introduction page written by the office (overview, functions, history)."""

    template_name = "agency/page.html"
    kind = AgencyPage.Kind.OVERVIEW
    section = "home"

    def get_page(self):
        if not hasattr(self, "_page"):
            self._page = AgencyPage.objects.filter(kind=self.kind).first()
        return self._page

    def get_title(self):
        page = self.get_page()
        return (page and page.title) or str(AgencyPage.Kind(self.kind).label)

    def translated(self):
        page = self.get_page()
        # A page not written yet says so in either language.
        return page is None or page.is_translated(translation.get_language())

    def last_updated(self):
        page = self.get_page()
        if page is None:
            return None
        return page.en_updated_at if translation.get_language() == "en" else page.updated_at

    def get_context_data(self, **kwargs):
        context = super().get_context_data(page=self.get_page(), **kwargs)
        if self.kind == AgencyPage.Kind.OVERVIEW:
            context["leaders"] = list(Leader.objects.current().select_related("photo"))
        return context


class FunctionsView(PageView):
    kind = AgencyPage.Kind.FUNCTIONS
    section = "functions"


class HistoryView(PageView):
    kind = AgencyPage.Kind.HISTORY
    section = "history"


class OrganisationView(AgencyMixin, TemplateView):
    """The organisation chart: leaders, the offices, the attached institutions, as nested
    lists that read in order without styles and print as they are."""

    template_name = "agency/organisation.html"
    section = "organisation"
    title = gettext_lazy("Cơ cấu tổ chức")

    def get_context_data(self, **kwargs):
        contacts = Prefetch("contacts", queryset=ContactOfficial.objects.order_by("order", "pk"))
        offices = list(Office.objects.current().prefetch_related(contacts))
        former = list(Office.objects.former().select_related("successor"))
        attached = list(
            AttachedInstitution.objects.filter(institution__status="active").select_related(
                "institution__type", "institution__unit"
            )
        )
        return super().get_context_data(
            leaders=list(Leader.objects.current()),
            offices=offices,
            former_offices=former,
            attached=attached,
            **kwargs,
        )

    def translated(self):
        return all(
            office.is_translated(translation.get_language()) for office in Office.objects.current()
        )

    def last_updated(self):
        return latest(Office.objects.current(), Leader.objects.current())


class LeadersView(AgencyMixin, TemplateView):
    template_name = "agency/leaders.html"
    section = "leaders"
    title = gettext_lazy("Lãnh đạo Sở")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            leaders=list(Leader.objects.current().select_related("photo")), **kwargs
        )

    def translated(self):
        return all(
            leader.is_translated(translation.get_language()) for leader in Leader.objects.current()
        )

    def last_updated(self):
        return latest(Leader.objects.current())


class ContactsView(AgencyMixin, TemplateView):
    template_name = "agency/contacts.html"
    section = "contacts"
    title = gettext_lazy("Liên hệ")

    def get_context_data(self, **kwargs):
        contacts = Prefetch("contacts", queryset=ContactOfficial.objects.order_by("order", "pk"))
        return super().get_context_data(
            offices=list(Office.objects.current().prefetch_related(contacts)),
            leaders=list(Leader.objects.current()),
            **kwargs,
        )

    def translated(self):
        language = translation.get_language()
        offices = Office.objects.current().prefetch_related("contacts")
        return all(
            office.is_translated(language)
            and all(contact.is_translated(language) for contact in office.contacts.all())
            for office in offices
        )

    def last_updated(self):
        # An office's save (its contact officials are edited with it) renews its date.
        return latest(Office.objects.current())


def latest(*querysets):
    """The newest `updated_at` (or English edit, on English pages) among these rows."""
    field = "en_updated_at" if translation.get_language() == "en" else "updated_at"
    moments = [
        moment
        for queryset in querysets
        if (moment := queryset.order_by(f"-{field}").values_list(field, flat=True).first())
    ]
    return max(moments, default=None)
