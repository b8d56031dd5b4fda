from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "identity"
    verbose_name = _("Thông tin cơ quan")

    def ready(self):
        from page_cache import middleware as page_cache

        page_cache.watch(self)  # the header and footer of every page show it
