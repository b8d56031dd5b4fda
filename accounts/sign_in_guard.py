"""django-axes (sign-in attempts and lockouts) in Vietnamese in the admin.

Installed as `accounts.sign_in_guard.SignInGuardConfig` in place of "axes": the package's
app has no verbose name (the admin's home showed its label, "AXES"), and its records name
themselves in English ("Access Log for …") in page titles and deletion summaries.
"""

from axes.apps import AppConfig as AxesConfig
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "H:i d/m/Y") if moment else ""


def _attempt(record) -> str:
    return gettext("Lượt đăng nhập của “%(user)s” lúc %(when)s") % {
        "user": record.username or "",
        "when": _when(record.attempt_time),
    }


def _failure(record) -> str:
    return gettext("Đăng nhập sai của “%(user)s” lúc %(when)s từ %(address)s") % {
        "user": record.username or "",
        "when": _when(record.attempt_time),
        "address": record.ip_address or "",
    }


class SignInGuardConfig(AxesConfig):
    verbose_name = _("Đăng nhập sai và khoá tạm")

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = _attempt
        AccessLog.__str__ = _attempt
        AccessFailureLog.__str__ = _failure
