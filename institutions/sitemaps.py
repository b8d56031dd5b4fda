from django.contrib.sitemaps import Sitemap

from institutions.models import Institution


class InstitutionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 1000

    def items(self):
        return Institution.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
