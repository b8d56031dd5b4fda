from institutions.models import Institution
from navigation.sitemaps import SlugRowsSitemap


class InstitutionSitemap(SlugRowsSitemap):
    url_name = "institutions:detail"
    changefreq = "monthly"
    priority = 0.6
    limit = 1000

    def items(self):
        return Institution.objects.public().order_by("pk").values("slug", "updated_at")
