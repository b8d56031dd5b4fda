from django.urls import reverse

from navigation.sitemaps import SiteSitemap


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
