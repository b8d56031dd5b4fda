from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe


class PortalSitemap(Sitemap):
    """Each address's `<url>` element is written here, once, rather than by a template loop
    of four variables and a date filter per address (a section has a thousand)."""

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            parts = [f"<url><loc>{escape(url['location'])}</loc>"]
            if url["lastmod"]:
                lastmod = url["lastmod"]
                if isinstance(lastmod, timezone.datetime) and timezone.is_aware(lastmod):
                    lastmod = timezone.localtime(lastmod)
                parts.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
            if url["changefreq"]:
                parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
            if url["priority"]:
                parts.append(f"<priority>{escape(url['priority'])}</priority>")
            parts.append("</url>\n")
            url["element"] = mark_safe("".join(parts))  # every value above is escaped
        return urls


class StaticPagesSitemap(PortalSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "news:article-list", "institutions:list", "institutions:places"]

    def location(self, item):
        return reverse(item)


SLUG_MARK = "__slug__"


class SlugSitemap(PortalSitemap):
    """A sitemap of objects addressed by one `slug` URL argument, for sections of a thousand
    addresses: `items()` gives dicts of `slug` and `updated_at` (no model instances), and the
    URL pattern is reversed once per page rather than once per object."""

    url_name = ""

    def location(self, item):
        template = self.__dict__.get("_url_template")
        if template is None:
            template = self._url_template = reverse(self.url_name, kwargs={"slug": SLUG_MARK})
        return template.replace(SLUG_MARK, item["slug"])

    def lastmod(self, item):
        return item["updated_at"]
