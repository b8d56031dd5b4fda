from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from documents.models import Document
        from page_cache import middleware as page_cache

        page_cache.watch(self)
        # "Chưa có hiệu lực" becomes "Còn hiệu lực" by itself on the day a document takes
        # effect.
        page_cache.changes_at(lambda: Document.objects.next_effective_moment())
