from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Max
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date

from navigation.site import absolute_url, site_domain, site_scheme


class SiteSitemap(Sitemap):
    """A section whose addresses start with SITE_URL (Django's take the request's host)."""

    @property
    def protocol(self):
        return site_scheme()

    def get_domain(self, site=None):
        return site_domain()


class SlugRowsSitemap(SiteSitemap):
    """A section of objects addressed by their slug, listed from rows of two values
    (`slug`, `updated_at`) rather than model instances: a section lists a thousand."""

    url_name = ""

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item["slug"]})

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        # Django's default asks lastmod() of every item: one MAX, read down an index.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


@x_robots_tag
def index(request, sitemaps, sitemap_url_name, template_name="sitemap_index.xml"):
    """Django's sitemap index, with each section's address on SITE_URL (Django's view
    writes the request's host)."""
    items = []
    latest = None
    every_lastmod = True
    for section, sitemap in sitemaps.items():
        sitemap = sitemap() if callable(sitemap) else sitemap
        location = absolute_url(reverse(sitemap_url_name, kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        if lastmod is None:
            every_lastmod = False
        elif every_lastmod:
            latest = lastmod if latest is None else max(latest, lastmod)
        items.append(SitemapIndexItem(location, lastmod))
        items.extend(
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        )
    headers = {"Last-Modified": http_date(latest.timestamp())} if every_lastmod and latest else None
    return TemplateResponse(
        request,
        template_name,
        {"sitemaps": items},
        content_type="application/xml",
        headers=headers,
    )
