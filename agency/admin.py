from django.contrib import admin
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from agency import checklist, roles
from agency.models import (
    AgencyPage,
    AttachedInstitution,
    ContactOfficial,
    Leader,
    LeaderPhoto,
    Office,
)
from audit import trail as audit
from audit.admin import AuditedDeleteMixin, GuardedRevertMixin
from audit.models import AuditEvent
from navigation import tasks
from photos.admin import PhotoInlineMixin


class TranslatedAdmin(GuardedRevertMixin, AuditedDeleteMixin, SimpleHistoryAdmin, TranslationAdmin):
    """An admin of translated text: each language's last edit is noted, and the edit of
    what the public reads is written to the audit trail."""

    def can_revert(self, user) -> bool:
        return roles.keeps_agency_pages(user)

    def save_model(self, request, obj, form, change):
        obj.note_edits(form.changed_data)
        super().save_model(request, obj, form, change)
        audit.record(
            AuditEvent.Action.PUBLISHED,
            obj,
            by=request.user,
            detail=_("Cập nhật trang giới thiệu") if change else _("Thêm vào trang giới thiệu"),
        )

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if hasattr(instance, "note_edits") and inline_form.has_changed():
                instance.note_edits(inline_form.changed_data)
        super().save_formset(request, form, formset, change)


@admin.register(AgencyPage)
class AgencyPageAdmin(TranslatedAdmin):
    list_display = ["__str__", "vi_updated_at", "en_updated_at"]
    fields = ["kind", "title", "body", "legal_basis"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj else []

    def get_urls(self):
        # The portal's checklist against the decree: a page of the office's admin.
        checklist_page = path(
            "kiem-tra/",
            self.admin_site.admin_view(checklist.checklist_view),
            name="agency_agencypage_checklist",
        )
        return [checklist_page, *super().get_urls()]


class ContactOfficialInline(TranslationStackedInline):
    model = ContactOfficial
    extra = 0
    fields = [("name", "title"), "duty", ("phone", "email"), "order"]


@admin.register(Office)
class OfficeAdmin(TranslatedAdmin):
    inlines = [ContactOfficialInline]
    list_display = ["__str__", "kind", "valid_from", "valid_to", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    search_fields = ["name_vi", "name_en", "short_name"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "functions", "order"]}),
        (_("Liên hệ"), {"fields": ["phone", "email", "address"]}),
        (
            _("Thời gian hoạt động"),
            {"fields": ["valid_from", "valid_to", "successor", "successor_note"]},
        ),
    ]


class LeaderPhotoInline(PhotoInlineMixin, admin.StackedInline):
    model = LeaderPhoto
    extra = 0
    max_num = 1
    fields = [("image", "thumbnail"), "alt_text"]


@admin.register(Leader)
class LeaderAdmin(TranslatedAdmin):
    inlines = [LeaderPhotoInline]
    list_display = ["name", "title", "order", "term_start", "term_end"]
    list_editable = ["order"]
    search_fields = ["name"]
    fields = [
        "name",
        "title",
        "portfolio",
        "biography",
        ("phone", "email"),
        "order",
        ("term_start", "term_end"),
    ]


@admin.register(AttachedInstitution)
class AttachedInstitutionAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    list_display = ["institution", "order"]
    list_editable = ["order"]
    list_select_related = ["institution"]
    autocomplete_fields = ["institution"]


@tasks.register
def agency_tasks(user) -> list[tasks.Task]:
    if not roles.reads_checklist(user):
        return []
    url = reverse("admin:agency_agencypage_checklist")
    return [
        tasks.Task(_("Kiểm tra nội dung cổng theo Nghị định"), checklist.gap_count(), url, True)
    ]
