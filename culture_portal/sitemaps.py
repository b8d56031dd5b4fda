import html

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe


def url_tail(changefreq, priority) -> str:
    """The end of a `<url>` element, the same for every address of a section."""
    parts = []
    if changefreq:
        parts.append(f"<changefreq>{html.escape(str(changefreq))}</changefreq>")
    if priority:
        parts.append(f"<priority>{html.escape(str(priority))}</priority>")
    parts.append("</url>\n")
    return "".join(parts)


def url_element(location: str, lastmod, tail: str, zone=None) -> str:
    """One `<url>` element of a sitemap, every value escaped."""
    element = f"<url><loc>{html.escape(location)}</loc>"
    if lastmod:
        if isinstance(lastmod, timezone.datetime) and timezone.is_aware(lastmod):
            lastmod = lastmod.astimezone(zone or timezone.get_current_timezone())
        element += f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>"
    return mark_safe(element + tail)


class PortalSitemap(Sitemap):
    """Each address's `<url>` element is written here, once, rather than by a template loop
    of four variables and a date filter per address (a section has a thousand)."""

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            if "element" not in url:
                tail = url_tail(url["changefreq"], url["priority"])
                url["element"] = url_element(url["location"], url["lastmod"], tail)
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

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item of every page: the sitemap index
        # read all 10,000 articles to print one date.
        # (An index on updated_at makes this a walk down the index, not a scan of the table.)
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

    def _urls(self, page, protocol, domain):
        """The `<url>` elements of one page straight from its rows (Django's loop asks six
        attributes of the sitemap per address)."""
        prefix = f"{protocol}://{domain}"
        changefreq = self.changefreq
        priority = str(self.priority) if self.priority is not None else ""
        tail = url_tail(changefreq, priority)
        zone = timezone.get_current_timezone()
        urls = []
        for item in self.paginator.page(page).object_list:
            location = prefix + self.location(item)
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item["updated_at"],
                    "changefreq": changefreq,
                    "priority": priority,
                    "alternates": [],
                    "element": url_element(location, item["updated_at"], tail, zone),
                }
            )
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls
