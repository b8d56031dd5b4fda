from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from identity.models import SiteIdentity


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
