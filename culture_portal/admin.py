from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from culture_portal import audit
from culture_portal.models import AuditEvent, SiteIdentity

admin.site.site_header = _("Quản trị cổng thông tin")
admin.site.site_title = _("Quản trị cổng thông tin")
admin.site.index_title = _("Quản lý nội dung")


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["name", "parent_agency", "portal_name", "description"]}),
        (_("Liên hệ"), {"fields": ["address", "phone", "hotline", "email"]}),
        (_("Thông tin pháp lý"), {"fields": ["content_responsible", "license_text"]}),
    ]

    def has_add_permission(self, request):
        return not SiteIdentity.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedDeleteMixin:
    """Deletions made in the admin are written to the audit trail."""

    def delete_model(self, request, obj):
        audit.record(AuditEvent.Action.DELETED, obj, by=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(AuditEvent.Action.DELETED, obj, by=request.user)
        super().delete_queryset(request, queryset)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "object_type", "object_repr", "detail"]
    list_filter = ["action", "object_type"]
    list_select_related = ["user"]
    search_fields = ["object_repr", "user__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
