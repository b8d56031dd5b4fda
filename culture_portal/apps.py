from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CulturePortalConfig(AppConfig):
    """The project: settings, addresses, the home and error pages, the demo's composition.
    Its migrations are those of the models that lived here before moving to apps below."""

    name = "culture_portal"
    verbose_name = _("Cổng thông tin")
