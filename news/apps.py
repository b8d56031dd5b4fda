from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Tin tức")

    def ready(self):
        from news.models import Article
        from page_cache import middleware as page_cache

        page_cache.watch(self)
        # A scheduled article appears by itself, without a save.
        page_cache.changes_at(
            lambda: Article.objects.scheduled().values_list("published_at", flat=True).first()
        )
