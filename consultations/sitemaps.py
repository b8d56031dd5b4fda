from consultations.models import Draft
from navigation.sitemaps import SlugRowsSitemap


class DraftSitemap(SlugRowsSitemap):
    url_name = "consultations:detail"
    changefreq = "weekly"
    limit = 1000

    def items(self):
        return Draft.objects.published().order_by("-opens_on", "-pk").values("slug", "updated_at")
