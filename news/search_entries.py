"""News in the search index: every article (published ones shown by the site search) and
the categories (for the admin's search box)."""

from django.utils.translation import gettext_lazy as _

from news.models import Article
from search import index


@index.register
class ArticleSource(index.Source):
    kind = "news"
    model = "news.Article"
    label = _("Tin tức")
    slug = "tin-tuc"
    shows_date = True
    follows = (index.Follow("news.Category", ("category",), ("name",)),)
    newest_title = _("Tin mới nhất")
    newest_template = "news/includes/search_card.html"
    browse_url_name = "news:article-list"
    browse_label = _("Xem tất cả tin tức")

    def queryset(self):
        return Article.objects.select_related("category")

    def entry(self, article) -> index.Entry:
        public = article.status == Article.Status.PUBLISHED and article.published_at is not None
        return index.Entry(
            title=article.title,
            url=article.get_absolute_url(),
            date=article.published_at if public else article.updated_at,
            label=article.category.name if article.category_id else "",
            text="\n".join(part for part in (article.lead, article.body_text) if part),
            public=public,
        )

    def newest(self, count):
        return list(Article.objects.published().for_listing()[:count])


@index.register
class CategorySource(index.Source):
    """Found by the admin's search box of categories."""

    kind = "category"
    model = "news.Category"
    label = _("Chuyên mục")

    def entry(self, category) -> index.Entry:
        return index.Entry(
            title=category.name,
            url=category.get_absolute_url(),
            date=index.UNDATED,
            text=category.description,
            public=False,
        )
