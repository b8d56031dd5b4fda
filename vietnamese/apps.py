from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class VietnameseConfig(AppConfig):
    name = "vietnamese"
    verbose_name = _("Tiếng Việt")

    def ready(self):
        from vietnamese import sorting

        # SQLite has no translate(): Vietnamese order (SortKey) calls the Python key.
        connection_created.connect(sorting.register, dispatch_uid="vietnamese-sort-key")
