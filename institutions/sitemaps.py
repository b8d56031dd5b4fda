from culture_portal.sitemaps import SlugSitemap
from institutions.models import Institution


class InstitutionSitemap(SlugSitemap):
    url_name = "institutions:detail"
    changefreq = "monthly"
    priority = 0.6
    limit = 1000

    def items(self):
        return Institution.objects.order_by("pk").values("slug", "updated_at")
