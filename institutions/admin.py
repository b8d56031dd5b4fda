from django.contrib import admin, messages
from django.contrib.admin.options import BaseInlineFormSet
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, When
from django.db.models.fields.files import FieldFile
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
    ProfileChange,
    ProposedFacility,
    ProposedPhoto,
    within_unit,
)
from navigation import tasks
from permissions.admin import LimitedAutocompleteMixin, ParentRulesInlineMixin
from photos.admin import PhotoInlineMixin
from search.admin import IndexedSearchMixin
from uploads.admin import UploadFaultMixin
from vietnamese.forms import DecimalField as VietnameseDecimalField
from vietnamese.sorting import SortKey


class ProvinceFilter(admin.SimpleListFilter):
    title = _("tỉnh")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        return [(unit.pk, str(unit)) for unit in AdministrativeUnit.objects.provinces()]

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


def same_prefix_formset(prefix: str):
    """An inline formset posted under the prefix of the public rows' formset: the form reads
    the same whether it shows the public page or the pending proposal."""

    class FormSet(BaseInlineFormSet):
        @classmethod
        def get_default_prefix(cls):
            return prefix

    return FormSet


class ProposedFacilityInline(ParentRulesInlineMixin, admin.TabularInline):
    """Facilities as the pending proposal has them (staff amend the proposal, not the page)."""

    model = ProposedFacility
    fk_name = "institution"
    fields = ["kind", "value", "note"]
    extra = 0
    formfield_overrides = VIETNAMESE_NUMBERS
    formset = same_prefix_formset("facilities")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(change__status=ProfileChange.Status.PENDING)


class ProposedPhotoInline(ParentRulesInlineMixin, PhotoInlineMixin, admin.StackedInline):
    model = ProposedPhoto
    fk_name = "institution"
    fields = [("image", "thumbnail"), "caption", "alt_text", "order"]
    extra = 0
    formset = same_prefix_formset("photos")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(change__status=ProfileChange.Status.PENDING)


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
    LimitedAutocompleteMixin,
    IndexedSearchMixin,
    SimpleHistoryAdmin,
):
    list_display = ["name", "type", "level", "unit", "status", "is_public", "updated_at"]
    list_filter = ["level", "type", "status", "is_public", ProvinceFilter, PendingChangeFilter]
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
        (_("Tình trạng"), {"fields": ["status", "successor", "status_changed_on", "is_public"]}),
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
        "is_public",
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

    # Staff: what they save is the institution's pending proposal (made or amended), never
    # the public page. They see and amend the proposal in the same form.

    def proposes(self, request) -> bool:
        return not roles.is_leader(request.user)

    def pending_change(self, request, obj):
        if obj is None or not self.proposes(request):
            return None
        return ProfileChange.objects.pending().filter(institution=obj).first()

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        pending = self.pending_change(request, obj)
        if pending is not None:
            # The form shows what was proposed, not what is public (the object is not saved).
            for name, value in pending.proposed.items():
                setattr(obj, name, value)
            obj.pending_change = pending
        return obj

    def get_inlines(self, request, obj):
        if self.pending_change(request, obj) is not None:
            return [ProposedFacilityInline, ProposedPhotoInline]
        return super().get_inlines(request, obj)

    def save_model(self, request, obj, form, change):
        if change and self.proposes(request):
            return  # proposed with the photos and facilities, in save_related
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not (change and self.proposes(request)):
            super().save_related(request, form, formsets, change)
            return
        photos = facilities = None
        for formset in formsets:
            # Not saved: nothing of the public page changed (the admin's log asks).
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            if formset.model in (InstitutionPhoto, ProposedPhoto):
                photos = wanted_photos(formset)
            elif formset.model in (InstitutionFacility, ProposedFacility):
                facilities = wanted_facilities(formset)
        fields = {
            name: form.cleaned_data[name]
            for name in Institution.PROFILE_FIELDS
            if name in form.cleaned_data
        }
        try:
            request.proposal = reviewing.propose(
                form.instance, fields=fields, photos=photos, facilities=facilities, by=request.user
            )
        except ValidationError as error:
            request.proposal = (None, "refused")
            self.message_user(request, "; ".join(error.messages), messages.ERROR)

    def response_change(self, request, obj):
        outcome = getattr(request, "proposal", None)
        if outcome is None:
            return super().response_change(request, obj)
        # One message, saying what became of the proposal; the form opens again on it.
        _change, what = outcome
        text = {
            "created": _(
                "Đã gửi thay đổi hồ sơ “%(name)s”; thay đổi đang chờ lãnh đạo duyệt. Trang "
                "công khai vẫn hiện nội dung đã duyệt trước đó."
            ),
            "amended": _(
                "Đã cập nhật thay đổi hồ sơ “%(name)s” đang chờ lãnh đạo duyệt: bản vừa lưu "
                "thay cho bản gửi trước. Trang công khai vẫn hiện nội dung đã duyệt trước đó."
            ),
            "withdrawn": _(
                "Nội dung vừa lưu giống hệt trang công khai của “%(name)s”, nên đề nghị đang chờ "
                "duyệt đã được rút."
            ),
            "none": _(
                "Đã lưu “%(name)s”: không có gì khác trang công khai, nên không có đề nghị nào."
            ),
        }.get(what)
        if text:
            self.message_user(request, text % {"name": obj}, messages.INFO)
        return redirect(request.path)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "proposes": self.proposes(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/rut-de-nghi/",
                self.admin_site.admin_view(self.withdraw_view),
                name="institutions_institution_withdraw",
            ),
            *super().get_urls(),
        ]

    def withdraw_view(self, request, pk):
        institution = get_object_or_404(self.get_queryset(request), pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, institution):
            raise PermissionDenied
        pending = self.pending_change(request, institution)
        if pending is not None:
            reviewing.withdraw(pending, by=request.user)
            self.message_user(
                request, _("Đã rút đề nghị thay đổi; trang công khai không đổi."), messages.INFO
            )
        return redirect("admin:institutions_institution_change", institution.pk)


def wanted_photos(formset) -> list:
    """The photos a staff member's form asks for: each kept row with its caption, alt text,
    order and image (a new upload or the stored one)."""
    wanted = []
    for form in formset.forms:
        instance = form.instance
        if formset._should_delete_form(form) or not (instance.pk or form.has_changed()):
            continue
        data = form.cleaned_data
        image = data.get("image")
        stored = isinstance(image, FieldFile) or image is None
        wanted.append(
            reviewing.PhotoWanted(
                image=instance.image.name if stored else image,
                caption=data.get("caption", ""),
                alt_text=data.get("alt_text", ""),
                order=data.get("order") or 0,
                source_id=instance.source_id
                if isinstance(instance, ProposedPhoto)
                else instance.pk,
                renditions=instance.renditions if stored else None,
            )
        )
    return wanted


def wanted_facilities(formset) -> list:
    return [
        reviewing.FacilityWanted(
            form.cleaned_data["kind"].pk,
            form.cleaned_data["value"],
            form.cleaned_data.get("note", ""),
        )
        for form in formset.forms
        if not formset._should_delete_form(form)
        and (form.instance.pk or form.has_changed())
        and form.cleaned_data.get("kind")
    ]


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
            **reviewing.review_rows(change),
            "can_review": roles.is_leader(request.user),
            "title": str(change),
            "institution_url": reverse(
                "admin:institutions_institution_change", args=[change.institution_id]
            ),
        }
        return TemplateResponse(request, "admin/institutions/profilechange/review.html", context)


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["institution", "year", "rating", "assessed_by", "assessed_at"]
    list_filter = ["year", "rating"]
    autocomplete_fields = ["institution"]
    readonly_fields = ["assessed_by"]

    def save_model(self, request, obj, form, change):
        obj.assessed_by = request.user  # who gave the rating as it now stands
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
