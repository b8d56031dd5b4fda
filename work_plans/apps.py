from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkPlansConfig(AppConfig):
    name = "work_plans"
    verbose_name = _("Kế hoạch công tác")

    def ready(self):
        from page_cache import middleware as page_cache

        page_cache.watch(self)

        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from work_plans.models import approver_renamed

        user = get_user_model()
        post_save.connect(approver_renamed, sender=user, dispatch_uid="work_plans:approver")
        post_delete.connect(approver_renamed, sender=user, dispatch_uid="work_plans:approver-gone")
