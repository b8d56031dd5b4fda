from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkPlansConfig(AppConfig):
    name = "work_plans"
    verbose_name = _("Kế hoạch công tác")

    def ready(self):
        from page_cache import middleware as page_cache

        page_cache.watch(self)
