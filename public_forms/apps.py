from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicFormsConfig(AppConfig):
    name = "public_forms"
    verbose_name = _("Biểu mẫu công khai")
