from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Tìm kiếm")

    def ready(self):
        from search import index

        # Each app declares what it contributes in its own search_entries.py.
        autodiscover_modules("search_entries")
        index.connect_signals()
        post_migrate.connect(index.fill_missing, sender=self)
