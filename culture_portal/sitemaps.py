import functools

from django.urls import reverse

from navigation.sitemaps import SiteSitemap
from page_cache.fragments import kept_response


class StaticPagesSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return [
            "home",
            "news:article-list",
            "institutions:list",
            "institutions:places",
            "documents:list",
            "schedule:current",
            "services:list",
            "agency:home",
            "agency:functions",
            "agency:history",
            "agency:organisation",
            "agency:leaders",
            "agency:contacts",
        ]

    def location(self, item):
        return reverse(item)


def kept(view, kinds_of):
    """A sitemap view whose answers are kept between requests (page_cache/fragments.py): a
    section's page lists one kind of content, so it is kept under the versions of the kinds
    it lists (`kinds_of(section)`: app labels), with its page number, and a publish of news
    renews the news sections only."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        page = request.GET.get("p", "1")
        section = kwargs.get("section", "")
        if not page.isdigit() or len(page) > 6:
            return view(request, *args, **kwargs)  # Django's own answer to a bad page
        return kept_response(
            request,
            f"sitemap:{section}:{int(page)}",
            kinds_of(section),
            lambda: view(request, *args, **kwargs),
        )

    return wrapper
