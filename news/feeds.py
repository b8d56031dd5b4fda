import hashlib

from django.contrib.syndication.views import Feed
from django.core.cache import caches
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from identity.models import SiteIdentity
from navigation.site import absolute_url
from news.models import Article, Category
from page_cache.fragments import versions_of

KEPT_SECONDS = 600


class LatestArticlesFeed(Feed):
    """The newest published news. Every link in it is absolute on SITE_URL: Django's feeds
    would prefix the request's host (add_domain leaves an absolute address as it is)."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        """The feed, kept between requests (the "fragments" cache, page_cache/fragments.py)
        under the versions of what it shows: the news and the site's identity (its name is
        in the titles). Its links are absolute on SITE_URL, so it does not depend on the
        request's host. A feed without items is not kept: its build date is the time."""
        versions = versions_of(request)
        key = ":".join(
            [
                "news-feed",
                type(self).__name__,
                versions.news,
                versions.identity,
                get_language() or "",
                # The address's own parts (a category's slug), of a bounded length.
                hashlib.sha256(repr((args, sorted(kwargs.items()))).encode()).hexdigest()[:32],
            ]
        )
        fragments = caches["fragments"]
        kept = fragments.get(key)
        if kept is not None:
            content_type, last_modified, content = kept
            response = HttpResponse(content, content_type=content_type)
            if last_modified:
                response.headers["Last-Modified"] = last_modified
            return response
        response = super().__call__(request, *args, **kwargs)
        if b"<item>" in response.content:
            kept = (response["Content-Type"], response.get("Last-Modified"), response.content)
            fragments.set(key, kept, KEPT_SECONDS)
        return response

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
