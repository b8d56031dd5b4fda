from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class CulturePortalConfig(AppConfig):
    name = "culture_portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from culture_portal import page_cache, search_index
        from culture_portal.text import clean_text_fields

        for label in ("culture_portal", "news", "institutions", "work_plans"):
            for model in apps.get_app_config(label).get_models():
                pre_save.connect(clean_text_fields, sender=model, dispatch_uid=f"clean:{model}")
        page_cache.connect_signals()
        search_index.connect_signals()
        post_migrate.connect(search_index.fill_if_empty, sender=self)
