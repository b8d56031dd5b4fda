from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = _("Lịch công tác")

    def ready(self):
        from page_cache import middleware as page_cache
        from schedule.models import next_midnight

        page_cache.watch(self)
        # The week page marks today: it changes by itself at midnight.
        page_cache.changes_at(next_midnight)
