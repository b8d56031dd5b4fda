from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from culture_portal import audit
from culture_portal.models import AuditEvent, SiteIdentity
from culture_portal.storage import StorageWriteError, remove_written, upload_journal


class AdminLoginForm(AdminAuthenticationForm):
    """Django's admin sign-in, with the user name's length checked before anything is looked
    up: Django only sets the input's maxlength, and django-axes records every failed name in
    a column of 255 characters (PostgreSQL refused a longer one with a server error)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length or 150))


admin.site.login_form = AdminLoginForm
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


class RecoverDeletedMixin:
    """A "deleted items" page: whoever may delete can restore, from the version history.

    `recover_related` names child models (with history) restored together, e.g. photos.
    """

    recover_related: list[tuple[str, str]] = []

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path("da-xoa/", self.admin_site.admin_view(self.deleted_view), name=f"{name}_deleted"),
            path(
                "da-xoa/<int:history_id>/",
                self.admin_site.admin_view(self.restore_view),
                name=f"{name}_restore",
            ),
            *super().get_urls(),
        ]

    def deleted_records(self):
        history = self.model.history.model
        live = self.model._default_manager.values("pk")
        return (
            history.objects.filter(history_type="-")
            .exclude(id__in=live)
            .select_related("history_user")
            .order_by("-history_date")
        )

    def has_recover_permission(self, request) -> bool:
        return self.has_delete_permission(request)

    def deleted_view(self, request):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("%(name)s đã xoá") % {"name": self.model._meta.verbose_name_plural},
            "records": self.deleted_records()[:200],
            "restore_url_name": f"admin:{self.model._meta.app_label}_"
            f"{self.model._meta.model_name}_restore",
        }
        return TemplateResponse(request, "admin/recover_deleted.html", context)

    def restore_view(self, request, history_id):
        if not self.has_recover_permission(request) or request.method != "POST":
            raise PermissionDenied
        record = get_object_or_404(self.deleted_records(), history_id=history_id)
        with transaction.atomic():
            obj = record.instance
            obj.save()
            for label, field in self.recover_related:
                child_history = apps.get_model(label).history.model
                latest = {}
                for child in child_history.objects.filter(
                    **{field: obj.pk}, history_type="-"
                ).order_by("history_date"):
                    latest[child.id] = child
                for child in latest.values():
                    child.instance.save()
            audit.record(AuditEvent.Action.RESTORED, obj, by=request.user)
        self.message_user(request, _("Đã khôi phục “%(obj)s”.") % {"obj": obj})
        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", obj.pk)


def _refusing_upload(form_class, failures: dict):
    """The form class, made to refuse its submission because files could not be stored.

    `failures` maps a field's HTML name to its message; under None, the message for every
    file field that received a file (or, when none did, for the main form as a whole)."""

    class RefusingUpload(form_class):
        def clean(self):
            cleaned = super().clean()
            anywhere = failures.get(None)
            refused = False
            for name, field in self.fields.items():
                if not isinstance(field, forms.FileField):
                    continue
                key = self.add_prefix(name)
                message = failures.get(key) or (anywhere if self.files.get(key) else None)
                if message:
                    self._errors.pop(name, None)  # not "required": the file was sent
                    self.add_error(name, message)
                    refused = True
            if anywhere and not refused and not self.prefix:
                self.add_error(None, anywhere)
            return cleaned

    RefusingUpload.__name__ = form_class.__name__
    return RefusingUpload


def _refuse_too_many_files(request) -> None:
    """A save of more than UPLOAD_MAX_FILES files is refused before any is read (each photo
    is decoded, re-encoded and resized): the files are dropped, and each file field that
    received one gets the message."""
    count = sum(len(uploads) for _name, uploads in request.FILES.lists())
    limit = settings.UPLOAD_MAX_FILES
    if count <= limit:
        return
    message = _(
        "Mỗi lần lưu nhận tối đa %(max)s tệp; lần này có %(count)s tệp, nên chưa lưu gì. "
        "Nội dung đã nhập vẫn còn trên biểu mẫu: hãy chọn lại tối đa %(max)s tệp rồi lưu, "
        "các tệp còn lại thêm ở lần lưu sau."
    ) % {"max": limit, "count": count}
    failures = getattr(request, "upload_failures", None) or {}
    for name, uploads in list(request.FILES.lists()):
        failures.setdefault(name, message)
        for upload in uploads:
            upload.close()
    request.FILES.clear()
    request.upload_failures = failures


class UploadFaultMixin:
    """A save whose files cannot be written (disk full, media or temporary folder
    unwritable) or that carries too many files is undone whole, rows and files, and the form
    comes back with what was typed and a message next to the file fields, instead of a
    server error."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        files = request.FILES if request.method == "POST" else None
        if files:
            _refuse_too_many_files(request)
        if files and not getattr(request, "upload_failures", None):
            with upload_journal() as written:
                try:
                    # Django's view runs in a transaction: the exception rolls its rows back.
                    return super().changeform_view(request, object_id, form_url, extra_context)
                except StorageWriteError as error:
                    remove_written(written)
                    request.upload_failures = {None: error.message}
        # A refused upload: the same submission, refused by its forms, shown as typed.
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        failures = getattr(request, "upload_failures", None)
        return _refusing_upload(form, failures) if failures else form

    def get_formsets_with_inlines(self, request, obj=None):
        failures = getattr(request, "upload_failures", None)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if failures:
                form = _refusing_upload(formset.form, failures)
                formset = type(formset.__name__, (formset,), {"form": form})
            yield formset, inline


class GuardedRevertMixin:
    """Restoring an earlier version (django-simple-history's "revert") is judged on the object
    as it stands now, and is for those `can_revert` names (superusers only, unless an admin
    names its reviewers).

    simple-history asks `has_change_permission` about the *historical* instance: an old draft
    of a plan approved since would pass a staff member's "drafts only" rule, and posting it
    would undo the approval.
    """

    def can_revert(self, user) -> bool:
        return user.is_superuser

    def has_change_history_permission(self, request, obj=None):
        if obj is not None:
            obj = self.get_queryset(request).filter(pk=obj.pk).first()
            if obj is None:
                return False
        return self.can_revert(request.user) and self.has_change_permission(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            current = self.get_object(request, unquote(object_id))
            if current is None or not self.has_change_history_permission(request, current):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


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
