"""The admin's search boxes: the site search's index and matching, drafts included."""

from search import index
from search.matching import Query, matching
from search.models import SearchEntry


class IndexedSearchMixin:
    """A ModelAdmin whose search box finds through the search index: whatever the case,
    the diacritics or the tone placement typed, whole words, drafts included.

    `search_kind` names the indexed kind (by default the one of the admin's model) and
    `search_through` the path from the admin's model to that kind's objects.
    """

    search_kind = ""
    search_through = "pk"

    def get_search_results(self, request, queryset, search_term):
        words = Query.parse(search_term).words
        if not words:
            return queryset, False
        kind = self.search_kind or index.source_for_model(self.model).kind
        found = matching(SearchEntry.objects.filter(kind=kind), words).values("object_id")
        return queryset.filter(**{f"{self.search_through}__in": found}), False
