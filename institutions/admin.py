from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from audit.admin import AuditedDeleteMixin, GuardedRevertMixin, RecoverDeletedMixin
from audit.history import ReadableHistoryMixin
from institutions import reviewing, roles
from institutions.models import (
    AdministrativeUnit,
    Assessment,
    FacilityKind,
    Institution,
    InstitutionFacility,
    InstitutionPhoto,
    InstitutionType,
    Level,
    ProfileChange,
    within_unit,
)
from navigation import tasks
from permissions.admin import ParentRulesInlineMixin
from photos.admin import PhotoInlineMixin
from search.admin import IndexedSearchMixin
from uploads.admin import UploadFaultMixin
from vietnamese.forms import DecimalField as VietnameseDecimalField
from vietnamese.sorting import SortKey, sort_key


class ProvinceFilter(admin.SimpleListFilter):
    title = _("tỉnh")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        provinces = AdministrativeUnit.objects.filter(level=Level.PROVINCE)
        # Today's provinces first, then those merged away; each in Vietnamese order.
        ordered = sorted(provinces, key=lambda u: (u.valid_to is not None, sort_key(u.name)))
        return [(unit.pk, unit.name) for unit in ordered]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        through = "unit" if queryset.model is Institution else ""
        return queryset.filter(within_unit(int(self.value()), through=through))


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(IndexedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "level", "code", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind", ProvinceFilter]
    list_select_related = ["parent"]
    search_fields = ["name"]
    search_help_text = _("Tìm theo tên, có dấu hay không dấu đều được.")
    autocomplete_fields = ["parent", "successors"]
    list_per_page = 50
    ordering = ["level", SortKey("name")]


@admin.register(InstitutionType)
class InstitutionTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "order"]
    list_filter = ["level"]
    list_editable = ["order"]
    ordering = ["level", "order", SortKey("name")]


@admin.register(FacilityKind)
class FacilityKindAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "order"]
    list_editable = ["order"]
    ordering = ["order", SortKey("name")]


# Numbers shown and read as Vietnamese write them ("2.400", "10,5"), not "2400.00".
VIETNAMESE_NUMBERS = {models.DecimalField: {"form_class": VietnameseDecimalField}}


class FacilityInline(ParentRulesInlineMixin, admin.TabularInline):
    model = InstitutionFacility
    extra = 0
    formfield_overrides = VIETNAMESE_NUMBERS


class PhotoInline(ParentRulesInlineMixin, PhotoInlineMixin, admin.StackedInline):
    model = InstitutionPhoto
    extra = 0
    fields = [("image", "thumbnail"), "caption", "alt_text", "order"]


class PendingChangeFilter(admin.SimpleListFilter):
    title = _("hồ sơ")
    parameter_name = "profile"

    def lookups(self, request, model_admin):
        return [("pending", _("Có thay đổi chờ duyệt"))]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.filter(profile_changes__status=ProfileChange.Status.PENDING).distinct()
        return queryset


@admin.register(Institution)
class InstitutionAdmin(
    UploadFaultMixin,
    ReadableHistoryMixin,
    GuardedRevertMixin,
    RecoverDeletedMixin,
    AuditedDeleteMixin,
    IndexedSearchMixin,
    SimpleHistoryAdmin,
):
    list_display = ["name", "type", "level", "unit", "status", "updated_at"]
    list_filter = ["level", "type", "status", ProvinceFilter, PendingChangeFilter]
    list_select_related = ["type", "unit"]
    search_fields = ["name"]
    search_help_text = _("Tìm theo tên, địa chỉ; gõ có dấu hay không dấu đều được.")
    autocomplete_fields = ["unit", "managing_body", "successor"]
    filter_horizontal = ["editors"]
    inlines = [FacilityInline, PhotoInline]
    list_per_page = 50
    formfield_overrides = VIETNAMESE_NUMBERS
    history_note = _(
        "Ảnh và cơ sở vật chất không nằm trong các phiên bản: khôi phục một phiên bản đưa hồ "
        "sơ về như lúc đó, còn ảnh và cơ sở vật chất giữ nguyên như hiện nay."
    )
    ordering = ["level", SortKey("name")]
    fieldsets = [
        (None, {"fields": ["name", "slug", "type", "level", "unit", "managing_body"]}),
        (
            _("Hồ sơ công khai"),
            {
                "fields": [
                    "address",
                    "opening_hours",
                    ("phone", "email"),
                    "website",
                    ("head_name", "head_title"),
                    "staff_count",
                    "established_on",
                    "description",
                    ("latitude", "longitude"),
                ]
            },
        ),
        (_("Tình trạng"), {"fields": ["status", "successor", "status_changed_on"]}),
        (_("Phân quyền"), {"fields": ["editors"]}),
    ]
    # What institution staff may not set: identity, place, status, who edits.
    STAFF_READONLY = [
        "name",
        "slug",
        "type",
        "level",
        "unit",
        "managing_body",
        "established_on",
        "status",
        "successor",
        "status_changed_on",
        "editors",
    ]

    def can_revert(self, user) -> bool:
        return roles.is_leader(user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if roles.is_leader(request.user) or request.path == reverse("admin:autocomplete"):
            # Names for the autocomplete of other forms (an article's institutions) are
            # public information; changing stays limited below.
            return queryset
        return queryset.filter(editors=request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and roles.is_leader(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and roles.is_leader(request.user)

    def get_readonly_fields(self, request, obj=None):
        if roles.is_leader(request.user):
            return []
        return self.STAFF_READONLY

    def save_model(self, request, obj, form, change):
        if not change or roles.is_leader(request.user):
            super().save_model(request, obj, form, change)
            return
        proposed = {name: form.cleaned_data[name] for name in form.changed_data}
        request.profile_change = reviewing.submit_profile_change(obj, proposed, by=request.user)

    def response_change(self, request, obj):
        if roles.is_leader(request.user):
            return super().response_change(request, obj)
        # Staff's changes wait for a leader: one message that says so (Django's own would
        # add "changed successfully", which the public page is not).
        obj.refresh_from_db()  # not saved: the form shows the approved values again
        if getattr(request, "profile_change", None):
            self.message_user(
                request,
                _(
                    "Đã gửi thay đổi hồ sơ “%(name)s”; thay đổi đang chờ lãnh đạo duyệt. "
                    "Trang công khai vẫn hiện nội dung đã duyệt trước đó."
                )
                % {"name": obj},
                messages.INFO,
            )
        else:
            self.message_user(
                request,
                _("Đã lưu “%(name)s”; không có thay đổi hồ sơ nào cần duyệt.") % {"name": obj},
                messages.SUCCESS,
            )
        if "_continue" in request.POST:
            return redirect(request.path)
        return self.response_post_save_change(request, obj)


@admin.register(ProfileChange)
class ProfileChangeAdmin(admin.ModelAdmin):
    list_display = ["institution", "status", "submitted_by", "submitted_at", "reviewed_by"]
    list_filter = ["status"]
    # What waits for a leader first.
    ordering = [
        Case(When(status=ProfileChange.Status.PENDING, then=0), default=1),
        "-submitted_at",
    ]
    list_select_related = ["institution", "submitted_by", "reviewed_by"]
    change_form_template = "admin/institutions/profilechange/review.html"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if roles.is_leader(request.user):
            return queryset
        return queryset.filter(institution__editors=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return roles.is_leader(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/duyet/",
                self.admin_site.admin_view(self.review_view),
                name="institutions_profilechange_review",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:institutions_profilechange_review", pk=object_id)

    def review_view(self, request, pk):
        change = get_object_or_404(self.get_queryset(request), pk=pk)
        if request.method == "POST":
            if not roles.is_leader(request.user):
                raise PermissionDenied
            try:
                if "_approve" in request.POST:
                    reviewing.approve_profile_change(change, by=request.user)
                    self.message_user(request, _("Đã duyệt; hồ sơ công khai đã được cập nhật."))
                else:
                    reviewing.return_profile_change(
                        change, by=request.user, comment=request.POST.get("comment", "")
                    )
                    self.message_user(request, _("Đã trả lại thay đổi kèm ý kiến."))
                return redirect("admin:institutions_profilechange_changelist")
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "change": change,
            "rows": change.rows(),
            "can_review": roles.is_leader(request.user),
            "title": str(change),
            "institution_url": reverse(
                "admin:institutions_institution_change", args=[change.institution_id]
            ),
        }
        return TemplateResponse(request, "admin/institutions/profilechange/review.html", context)


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["institution", "year", "rating", "assessed_by", "assessed_at"]
    list_filter = ["year", "rating"]
    autocomplete_fields = ["institution"]
    readonly_fields = ["assessed_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.assessed_by = request.user
        super().save_model(request, obj, form, change)


@tasks.register
def institution_tasks(user) -> list[tasks.Task]:
    changes = reverse("admin:institutions_profilechange_changelist") + "?status__exact=pending"
    if not roles.is_leader(user):
        if not user.has_perm("institutions.change_institution"):
            return []
        mine = Institution.objects.filter(editors=user)
        sent = ProfileChange.objects.filter(
            institution__in=mine, status=ProfileChange.Status.PENDING
        ).count()
        return [
            tasks.Task(
                _("Hồ sơ thiết chế của bạn"),
                0,
                reverse("admin:institutions_institution_changelist"),
                always=True,
            ),
            tasks.Task(_("Thay đổi hồ sơ bạn đã gửi, đang chờ lãnh đạo duyệt"), sent, changes),
        ]
    pending = ProfileChange.objects.filter(status=ProfileChange.Status.PENDING).count()
    follow_up = Institution.objects.active().needing_follow_up().count()
    return [
        tasks.Task(_("Thay đổi hồ sơ thiết chế chờ duyệt"), pending, changes),
        tasks.Task(
            _("Thiết chế cần theo dõi (hồ sơ thiếu hoặc lâu chưa cập nhật)"),
            follow_up,
            reverse("institutions:follow-up"),
            always=True,
        ),
    ]
