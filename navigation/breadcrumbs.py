"""Where a public page stands: the trail from the home page, shown once by base.html."""

from typing import NamedTuple


class Crumb(NamedTuple):
    label: str
    url: str = ""  # the page itself has none


class BreadcrumbsMixin:
    """A view's trail below "Trang chủ": `get_breadcrumbs()` returns its crumbs, the last
    one the page itself (shown without a link)."""

    def get_breadcrumbs(self) -> list[Crumb]:
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=self.get_breadcrumbs(), **kwargs)
