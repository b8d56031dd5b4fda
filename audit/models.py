from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who published, unpublished, approved, verified, deleted or restored what, and when."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Đăng tin")
        SCHEDULED = "scheduled", _("Hẹn giờ đăng tin")
        UNPUBLISHED = "unpublished", _("Gỡ tin")
        APPROVED = "approved", _("Phê duyệt")
        RETURNED = "returned", _("Trả lại")
        VERIFIED = "verified", _("Xác nhận")
        CLOSED = "closed", _("Khép lại")
        DELETED = "deleted", _("Xoá")
        RESTORED = "restored", _("Khôi phục")

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=20, choices=Action, db_index=True)
    object_type = models.CharField(_("loại"), max_length=100)
    object_id = models.CharField(_("mã"), max_length=40)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    detail = models.TextField(_("chi tiết"), blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-pk"]
        db_table = "culture_portal_auditevent"  # made when this lived in the project package

    def __str__(self):
        return f"{self.get_action_display()}: {self.object_repr}"
