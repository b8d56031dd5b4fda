"""The audit trail in the admin, and the guards every admin with a version history uses:
deletions recorded, deleted objects recovered, earlier versions restored only by those
allowed, judged on the object as it is now."""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from audit import trail
from audit.models import AuditEvent
from search.admin import IndexedSearchMixin


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
            trail.record(AuditEvent.Action.RESTORED, obj, by=request.user)
        self.message_user(request, _("Đã khôi phục “%(obj)s”.") % {"obj": obj})
        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", obj.pk)


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
        trail.record(AuditEvent.Action.DELETED, obj, by=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            trail.record(AuditEvent.Action.DELETED, obj, by=request.user)
        super().delete_queryset(request, queryset)


@admin.register(AuditEvent)
class AuditEventAdmin(IndexedSearchMixin, admin.ModelAdmin):
    list_display = ["at", "user", "action", "object_type", "object_repr", "detail"]
    list_filter = ["action", "object_type"]
    list_select_related = ["user"]
    search_fields = ["object_repr"]
    search_help_text = _("Tìm theo đối tượng, người thực hiện hoặc chi tiết.")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
