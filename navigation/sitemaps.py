from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse


class SlugRowsSitemap(Sitemap):
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
