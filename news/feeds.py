from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from identity.models import SiteIdentity
from news.models import Article, Category


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed

    def title(self):
        return _("Tin tức – %(site)s") % {"site": SiteIdentity.load().name}

    def link(self):
        return reverse("news:article-list")

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
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or obj.name

    def items(self, obj):
        return Article.objects.published().filter(category=obj).select_related("category")[:30]
