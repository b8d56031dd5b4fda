import re

from django.core.cache import caches
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from documents.models import Document
from institutions.models import Institution
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin
from news.citing import body_with_links
from news.filters import ArticleFilter
from news.kept import KEPT_SECONDS, kept_category
from news.models import Article
from news.roles import can_preview
from page_cache.fragments import versions_of

PAGE_NUMBER = re.compile(r"^[1-9][0-9]{0,5}$")


class ArticleListView(BreadcrumbsMixin, ElidedPageRangeMixin, FilterView):
    """The news, filtered and paged. The block below the title (the filter form, the count,
    the cards and the page links) is a fragment kept between requests when the query is
    canonical (`kept`): then the count comes from the cache too, and nothing of the list is
    read from the database once the fragment is found (the page of articles is a lazy
    queryset, read only when the fragment is rendered)."""

    filterset_class = ArticleFilter
    paginate_by = 12
    page_cache_params = (*ArticleFilter.base_filters, "page")
    template_name = "news/article_list.html"
    strict = False  # an invalid filter gets its message; the others still apply

    category = None  # a category's page: its category

    def get_queryset(self):
        # Evaluated per request: "published" depends on the time of the request.
        return Article.objects.published().for_listing()

    @cached_property
    def filtered(self) -> bool:
        """Whether the query names a filter (even empty)."""
        return any(name in ArticleFilter.base_filters for name in self.request.GET)

    @cached_property
    def filterset(self):
        return self.get_filterset(self.get_filterset_class())

    def get(self, request, *args, **kwargs):
        if self.filtered:
            return super().get(request, *args, **kwargs)
        # Without a filter the list is the whole queryset (what the filter set would return),
        # and the filter form is made only if the list's block is rendered.
        self.object_list = self.get_queryset()
        context = self.get_context_data(
            filter=SimpleLazyObject(lambda: self.filterset), object_list=self.object_list
        )
        return self.render_to_response(context)

    @cached_property
    def kept(self) -> bool:
        """Whether the list's block is kept: a valid filter without words (a text search is
        rendered each time), each parameter the view reads given once in its canonical
        spelling (so a kept block is named by a bounded set of queries, `query_key`), and
        no other parameter (the page links repeat the whole query). Not for signed-in
        staff, who always see the news as the database has it (as the whole-page cache
        leaves them live pages)."""
        if self.request.user.is_authenticated:
            return False
        query = self.request.GET
        if any(name not in self.page_cache_params for name in query):
            return False
        if any(len(query.getlist(name)) > 1 for name in query):
            return False
        if "page" in query and not PAGE_NUMBER.match(query["page"]):
            return False
        if not self.filtered:
            return True
        if not self.filterset.is_valid():
            return False
        cleaned = self.filterset.form.cleaned_data
        if cleaned.get("q"):
            return False
        category = cleaned.get("category")
        return query.get("category", "") == (category.slug if category else "") and query.get(
            "month", ""
        ) == (cleaned.get("month") or "")

    @cached_property
    def query_key(self) -> str:
        """The query, as the kept block's key names it (canonical when `kept`)."""
        return self.request.GET.urlencode()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.kept:
            # The count, kept under the news' version and the filter (not the page).
            cleaned = self.filterset.form.cleaned_data if self.filtered else {}
            category = cleaned.get("category")
            key = "news-count:{}:{}:{}:{}".format(
                versions_of(self.request).news,
                self.category.pk if self.category else "",
                category.pk if category else "",
                cleaned.get("month") or "",
            )
            fragments = caches["fragments"]
            count = fragments.get(key)
            if count is None:
                fragments.set(key, paginator.count, KEPT_SECONDS)
            else:
                paginator.count = count  # what Paginator.count (a cached property) caches
        return paginator

    def get_breadcrumbs(self):
        return [Crumb(_("Tin tức"))]


class CategoryArticleListView(ArticleListView):
    def get_queryset(self):
        self.category = kept_category(self.request, self.kwargs["slug"])
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
