from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VietnameseConfig(AppConfig):
    name = "vietnamese"
    verbose_name = _("Tiếng Việt")
