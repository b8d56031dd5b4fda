from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionsConfig(AppConfig):
    name = "institutions"
    verbose_name = _("Thiết chế văn hóa, thể thao")

    def ready(self):
        from page_cache import middleware as page_cache

        page_cache.watch(self)
