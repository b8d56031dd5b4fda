from django.contrib import admin

from audit.admin import AuditedDeleteMixin
from services.models import Procedure


@admin.register(Procedure)
class ProcedureAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    list_display = ["name", "code", "field", "portal", "level", "is_active", "order"]
    list_editable = ["order", "is_active"]
    list_filter = ["field", "portal", "level", "is_active"]
    list_select_related = ["field"]
    search_fields = ["name", "code"]
    fields = ["name", "code", "field", "portal", "level", "url", "order", "is_active"]
