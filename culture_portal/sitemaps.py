import functools
import hashlib

from django.core.cache import caches
from django.http import HttpResponse
from django.urls import reverse

from navigation.sitemaps import SiteSitemap
from page_cache.fragments import versions_of


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
    """A sitemap view whose answers are fragments kept between requests (page_cache/
    fragments.py): a section's page lists one kind of content, so it is kept under the
    versions of the kinds it lists (`kinds_of(section)`: app labels; None for all of them),
    with its page number, and a publish of news renews the news sections only."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        page = request.GET.get("p", "1")
        section = kwargs.get("section", "")
        if not page.isdigit() or len(page) > 6:
            return view(request, *args, **kwargs)  # Django's own answer to a bad page
        versions = versions_of(request)
        tokens = [versions[label] for label in kinds_of(section)]
        versions = hashlib.sha256(":".join(tokens).encode()).hexdigest()
        key = f"sitemap:{section}:{int(page)}:{versions}"
        entry = caches["fragments"].get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                return response
            entry = (response.content, dict(response.headers))
            caches["fragments"].set(key, entry)
        content, headers = entry
        return HttpResponse(content, headers=headers)

    return wrapper
