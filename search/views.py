from django.views.generic import TemplateView

from search.results import SearchPage


class SearchView(TemplateView):
    """/tim-kiem/?q=…&loai=…: every public kind of content together, ranked."""

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        page = SearchPage(self.request.GET)
        return super().get_context_data(**page.context(), **kwargs)
