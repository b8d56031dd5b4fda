from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        from page_cache import middleware as page_cache

        page_cache.watch(self)
