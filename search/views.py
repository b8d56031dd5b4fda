from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from search.results import SearchPage


class SearchView(BreadcrumbsMixin, TemplateView):
    """/tim-kiem/?q=…&loai=…: every public kind of content together, ranked."""

    template_name = "search/search.html"
    page_cache_params = ("q", "loai", "page")

    def get_context_data(self, **kwargs):
        page = SearchPage(self.request.GET)
        return super().get_context_data(**page.context(), **kwargs)

    def get_breadcrumbs(self):
        return [Crumb(_("Tìm kiếm"))]
