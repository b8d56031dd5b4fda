from documents.models import Document
from navigation.sitemaps import SlugRowsSitemap


class DocumentSitemap(SlugRowsSitemap):
    url_name = "documents:detail"
    changefreq = "monthly"
    limit = 1000

    def items(self):
        return Document.objects.order_by("-issued_on", "-pk").values("slug", "updated_at")
