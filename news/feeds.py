import hashlib

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from identity.models import SiteIdentity
from navigation.site import absolute_url
from news.models import Article, Category
from page_cache.fragments import kept_response


class LatestArticlesFeed(Feed):
    """The newest published news. Every link in it is absolute on SITE_URL: Django's feeds
    would prefix the request's host (add_domain leaves an absolute address as it is)."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        """The feed, kept between requests (the "fragments" cache, page_cache/fragments.py)
        under the versions of what it shows: the news and the site's identity (its name is
        in the titles). Its links are absolute on SITE_URL, so it does not depend on the
        request's host. A feed without items is not kept: its build date is the time."""
        name = ":".join(
            [
                "news-feed",
                type(self).__name__,
                get_language() or "",
                # The address's own parts (a category's slug), of a bounded length.
                hashlib.sha256(repr((args, sorted(kwargs.items()))).encode()).hexdigest()[:32],
            ]
        )
        return kept_response(
            request,
            name,
            ["news", "identity"],
            lambda: super(LatestArticlesFeed, self).__call__(request, *args, **kwargs),
            keep=lambda response: b"<item>" in response.content,
        )

    def feed_url(self):
        return absolute_url(reverse("news:feed"))

    def title(self):
        return _("Tin tức – %(site)s") % {"site": SiteIdentity.load().name}

    def link(self):
        return absolute_url(reverse("news:article-list"))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def description(self):
        return _("Tin mới nhất của %(site)s") % {"site": SiteIdentity.load().name}

    def items(self):
        return Article.objects.published().select_related("category")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category.objects.active(), slug=slug)

    def title(self, obj):
        return _("%(category)s – %(site)s") % {
            "category": obj.name,
            "site": SiteIdentity.load().name,
        }

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute_url(reverse("news:category-feed", kwargs={"slug": obj.slug}))

    def description(self, obj):
        return obj.description or obj.name

    def items(self, obj):
        return Article.objects.published().filter(category=obj).select_related("category")[:30]
