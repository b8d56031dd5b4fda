from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnamese.fields import EmailField, LineField


class SiteIdentity(models.Model):
    """The agency's identity, shown in the header and footer (one row, edited in the admin)."""

    CACHE_KEY = "site-identity"

    name = LineField(_("tên cơ quan"), max_length=255, default="Sở Văn hóa, Thể thao và Du lịch")
    parent_agency = LineField(
        _("cơ quan chủ quản"), max_length=255, blank=True, default="Ủy ban nhân dân tỉnh"
    )
    portal_name = LineField(
        _("tên cổng thông tin"), max_length=255, default="Cổng thông tin điện tử"
    )
    address = LineField(_("địa chỉ"), max_length=500, blank=True)
    phone = LineField(_("điện thoại"), max_length=50, blank=True)
    hotline = LineField(_("đường dây nóng"), max_length=50, blank=True)
    email = EmailField(_("thư điện tử"), blank=True)
    content_responsible = LineField(
        _("người chịu trách nhiệm nội dung"),
        max_length=255,
        blank=True,
        help_text=_("Họ tên và chức vụ, ví dụ: Nguyễn Văn A – Phó Giám đốc Sở."),
    )
    license_text = LineField(
        _("giấy phép"),
        max_length=500,
        blank=True,
        help_text=_("Số giấy phép thiết lập trang thông tin điện tử, nếu có."),
    )
    description = LineField(
        _("mô tả ngắn"),
        max_length=300,
        blank=True,
        help_text=_("Dùng cho công cụ tìm kiếm và khi chia sẻ liên kết."),
    )

    class Meta:
        verbose_name = _("thông tin cơ quan")
        verbose_name_plural = _("thông tin cơ quan")
        db_table = "culture_portal_siteidentity"  # made when this lived in the project package

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    @classmethod
    def load(cls) -> "SiteIdentity":
        identity = cache.get(cls.CACHE_KEY)
        if identity is None:
            identity = cls.objects.filter(pk=1).first() or cls(pk=1)
            cache.set(cls.CACHE_KEY, identity, 300)
        return identity
