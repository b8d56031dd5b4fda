from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from documents.models import Document
from institutions.models import Institution
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin
from news.citing import body_with_links
from news.filters import ArticleFilter
from news.models import Article, Category
from news.roles import can_preview


class ArticleListView(BreadcrumbsMixin, ElidedPageRangeMixin, FilterView):
    filterset_class = ArticleFilter
    paginate_by = 12
    page_cache_params = (*ArticleFilter.base_filters, "page")
    template_name = "news/article_list.html"
    strict = False  # an invalid filter gets its message; the others still apply

    def get_queryset(self):
        # Evaluated per request: "published" depends on the time of the request.
        return Article.objects.published().for_listing()

    def get_breadcrumbs(self):
        return [Crumb(_("Tin tức"))]


class CategoryArticleListView(ArticleListView):
    def get_queryset(self):
        self.category = get_object_or_404(Category.objects.active(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)

    def get_breadcrumbs(self):
        return [Crumb(_("Tin tức"), reverse("news:article-list")), Crumb(self.category.name)]


class ArticleDetailView(BreadcrumbsMixin, DetailView):
    """The article page. Its text, photos and links are a fragment kept between requests
    (templates/news/article_detail.html); what it needs beyond the article itself is read
    only when that fragment is rendered (`view.full`, `view.body_items`, `view.related`)."""

    template_name = "news/article_detail.html"

    def get_queryset(self):
        articles = (
            Article.objects.all() if can_preview(self.request.user) else Article.objects.published()
        )
        return articles.select_related("category")

    @cached_property
    def full(self) -> Article:
        """The article with its photos, the institutions it names that the public site shows
        (one withdrawn is not named) and the documents it cites."""
        public = Prefetch("institutions", queryset=Institution.objects.public())
        cited = Prefetch("cited_documents", queryset=Document.objects.select_related("type"))
        prefetch_related_objects([self.object], "photos", public, cited)
        return self.object

    @cached_property
    def body_items(self) -> list[dict]:
        return body_with_links(self.full, self.full.body_with_photos())

    @cached_property
    def related(self) -> list[Article]:
        return self.object.related()

    def get_breadcrumbs(self):
        crumbs = [Crumb(_("Tin tức"), reverse("news:article-list"))]
        category = self.object.category
        if category:
            crumbs.append(Crumb(category.name, category.get_absolute_url()))
        return crumbs
