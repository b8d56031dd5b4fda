from navigation.sitemaps import SiteSitemap, SlugRowsSitemap
from news.models import Article, Category


class ArticleSitemap(SlugRowsSitemap):
    url_name = "news:article-detail"
    changefreq = "weekly"
    priority = 0.7
    limit = 1000

    def items(self):
        return (
            Article.objects.published()
            .order_by("-published_at", "-pk")
            .values("slug", "updated_at")
        )


class CategorySitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.active()
