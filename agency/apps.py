from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    name = "agency"
    verbose_name = _("Giới thiệu cơ quan")

    def ready(self):
        from page_cache import middleware as page_cache

        page_cache.watch(self)
