from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CulturePortalConfig(AppConfig):
    name = "culture_portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from culture_portal import page_cache

        page_cache.connect_signals()
