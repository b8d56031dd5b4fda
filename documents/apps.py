from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from page_cache import middleware as page_cache

        # A document's "Chưa có hiệu lực" turns to "Còn hiệu lực" by itself on the day it
        # takes effect; cached pages live PAGE_CACHE_SECONDS at most, which is soon enough
        # for a date (not worth a query per content version through changes_at).
        page_cache.watch(self)
