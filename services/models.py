"""Links to the department's administrative procedures on the public-service portals.

The procedures themselves (forms, fees, processing) live on the national and provincial
portals: the department's portal only lists them, by field, and links there.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vietnamese.fields import LineField, URLField

# The public-service portals are government sites: the national portal
# (dichvucong.gov.vn and its subdomains) and each province's (dichvucong.<tỉnh>.gov.vn).
ALLOWED_HOST_SUFFIX = ".gov.vn"


def validate_portal_url(value: str) -> None:
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not (
        host == "dichvucong.gov.vn" or host.endswith(ALLOWED_HOST_SUFFIX)
    ):
        raise ValidationError(
            _(
                "Chỉ nhận liên kết https tới cổng dịch vụ công (tên miền .gov.vn), ví dụ "
                "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?…"
            ),
            code="portal_url",
        )


class ProcedureQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Procedure(models.Model):
    class Portal(models.TextChoices):
        NATIONAL = "national", _("Cổng Dịch vụ công quốc gia")
        PROVINCIAL = "provincial", _("Cổng dịch vụ công của tỉnh")

    class Level(models.TextChoices):
        FULL = "full", _("Dịch vụ công trực tuyến toàn trình")
        PARTIAL = "partial", _("Dịch vụ công trực tuyến một phần")
        INFO = "info", _("Cung cấp thông tin")

    name = LineField(_("tên thủ tục"), max_length=500)
    code = LineField(
        _("mã thủ tục"),
        max_length=40,
        blank=True,
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.003738."),
    )
    field = models.ForeignKey(
        "documents.Field",
        verbose_name=_("lĩnh vực"),
        on_delete=models.PROTECT,
        related_name="procedures",
    )
    portal = models.CharField(_("cổng"), max_length=20, choices=Portal, default=Portal.NATIONAL)
    level = models.CharField(_("mức độ"), max_length=20, choices=Level, default=Level.PARTIAL)
    url = URLField(
        _("liên kết"),
        max_length=500,
        validators=[validate_portal_url],
        help_text=_("Dán địa chỉ trang của thủ tục trên cổng dịch vụ công."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(
        _("đang áp dụng"), default=True, help_text=_("Bỏ chọn khi thủ tục bị bãi bỏ.")
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["field__order", "field__name", "order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:list") + f"#thu-tuc-{self.pk}"
