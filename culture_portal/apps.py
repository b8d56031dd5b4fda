from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CulturePortalConfig(AppConfig):
    name = "culture_portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from culture_portal import page_cache, search_index

        page_cache.connect_signals()
        search_index.connect_signals()
        post_migrate.connect(search_index.fill_if_empty, sender=self)
