from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReplicasConfig(AppConfig):
    name = "replicas"
    verbose_name = _("Bản sao cơ sở dữ liệu")
