from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from page_cache.fragments import versions_of
from search import index
from search.results import SearchPage

# Apps whose content the "newest" cards of a page without results show besides the sources'
# own: the offices that answer questions and draft documents.
NEWEST_ALSO_SHOWS = ("agency",)


class SearchView(BreadcrumbsMixin, TemplateView):
    """/tim-kiem/?q=…&loai=…: every public kind of content together, ranked."""

    template_name = "search/search.html"
    page_cache_params = ("q", "loai", "page")

    def get_context_data(self, **kwargs):
        page = SearchPage(self.request.GET)
        context = super().get_context_data(**page.context(), **kwargs)
        if context.get("show_newest"):
            context["newest_key"] = self.newest_key()
        return context

    def newest_key(self) -> str:
        """What the kept "newest" block depends on: the versions of every app whose content
        it may show (the first source with items wins) and the day (a draft's days left)."""
        versions = versions_of(self.request)
        labels = {s.get_model()._meta.app_label for s in index.public_sources()}
        labels.update(NEWEST_ALSO_SHOWS)
        parts = [f"{label}={versions[label]}" for label in sorted(labels)]
        return ";".join([*parts, timezone.localdate().isoformat()])

    def get_breadcrumbs(self):
        return [Crumb(_("Tìm kiếm"))]
