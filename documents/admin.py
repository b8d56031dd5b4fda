from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from audit import trail as audit
from audit.admin import AuditedDeleteMixin, GuardedRevertMixin, RecoverDeletedMixin
from audit.models import AuditEvent
from documents import numbering, roles
from documents.models import Document, DocumentFile, DocumentType, Field, Issuer
from navigation import tasks
from search.admin import IndexedSearchMixin
from uploads.admin import UploadFaultMixin


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    fields = ["file", "title", "order"]


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = [
            "type",
            "number_symbol",
            "issuer",
            "field",
            "abstract",
            "signer",
            "signer_title",
            "issued_on",
            "effective_on",
            "status",
            "ended_on",
            "replaced_by",
            "amended_by",
            "slug",
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Document.Status.AMENDED and not cleaned.get("amended_by"):
            self.add_error("amended_by", _("Hãy chọn văn bản sửa đổi, bổ sung văn bản này."))
        amended_by = cleaned.get("amended_by")
        if self.instance.pk and amended_by and amended_by.filter(pk=self.instance.pk).exists():
            self.add_error("amended_by", _("Văn bản không thể sửa đổi chính nó."))
        return cleaned


class FilesFilter(admin.SimpleListFilter):
    title = _("tệp văn bản")
    parameter_name = "tep"

    def lookups(self, request, model_admin):
        return [("khong", _("Chưa có tệp"))]

    def queryset(self, request, queryset):
        if self.value() == "khong":
            return queryset.filter(files__isnull=True)
        return queryset


@admin.register(Document)
class DocumentAdmin(
    UploadFaultMixin,
    GuardedRevertMixin,
    RecoverDeletedMixin,
    AuditedDeleteMixin,
    IndexedSearchMixin,
    SimpleHistoryAdmin,
):
    form = DocumentAdminForm
    recover_related = [("documents.DocumentFile", "document_id")]
    inlines = [DocumentFileInline]
    list_display = [
        "number_symbol",
        "type",
        "abstract_short",
        "issuer",
        "issued_on",
        "status",
        "file_count",
    ]
    list_filter = ["type", "field", "issuer", "status", "year", FilesFilter]
    list_select_related = ["type", "issuer"]
    search_fields = ["number_symbol"]
    search_help_text = _(
        "Tìm theo số, ký hiệu (gõ 12/QĐ-SVHTTDL, 12 QD SVHTTDL…) hoặc từ trong trích yếu."
    )
    date_hierarchy = "issued_on"
    list_per_page = 50
    autocomplete_fields = ["replaced_by", "amended_by"]
    fieldsets = [
        (None, {"fields": ["type", "number_symbol", "issuer", "field", "abstract"]}),
        (_("Ký và ban hành"), {"fields": ["signer", "signer_title", "issued_on", "effective_on"]}),
        (
            _("Hiệu lực"),
            {"fields": ["status", "ended_on", "replaced_by", "amended_by"]},
        ),
        (_("Địa chỉ trang"), {"fields": ["slug"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("trích yếu"))
    def abstract_short(self, document):
        return document.abstract[:120]

    @admin.display(description=_("số tệp"), ordering="file_total")
    def file_count(self, document):
        return document.file_total

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(file_total=Count("files"))

    def get_search_results(self, request, queryset, search_term):
        if numbering.looks_like_number(search_term):
            found = queryset.by_number(search_term)
            if found.exists():
                return found, False
        return super().get_search_results(request, queryset, search_term)

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    def can_revert(self, user) -> bool:
        return roles.keeps_register(user)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            audit.record(
                AuditEvent.Action.PUBLISHED, obj, by=request.user, detail=_("Vào sổ văn bản")
            )
        elif "status" in form.changed_data:
            audit.record(
                AuditEvent.Action.PUBLISHED,
                obj,
                by=request.user,
                detail=_("Tình trạng: %(status)s") % {"status": obj.get_status_display()},
            )


@tasks.register
def document_tasks(user) -> list[tasks.Task]:
    if not roles.keeps_register(user):
        return []
    missing = Document.objects.filter(files__isnull=True).count()
    url = reverse("admin:documents_document_changelist") + "?tep=khong"
    return [tasks.Task(_("Văn bản chưa có tệp"), missing, url)]
