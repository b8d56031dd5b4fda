from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from audit import trail as audit
from audit.admin import AuditedDeleteMixin
from audit.models import AuditEvent
from search.admin import IndexedSearchMixin
from services.models import Procedure


@admin.register(Procedure)
class ProcedureAdmin(AuditedDeleteMixin, IndexedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "code", "field", "portal", "level", "is_active", "order"]
    list_editable = ["order", "is_active"]
    list_filter = ["field", "portal", "level", "is_active"]
    list_select_related = ["field"]
    search_fields = ["name", "code"]
    fields = ["name", "code", "field", "portal", "level", "url", "order", "is_active"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(
            AuditEvent.Action.PUBLISHED if obj.is_active else AuditEvent.Action.UNPUBLISHED,
            obj,
            by=request.user,
            detail=_("Liên kết thủ tục hành chính"),
        )
