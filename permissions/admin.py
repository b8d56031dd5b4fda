"""What every app's admin shares about who may act: inlines that follow their parent's
rules, and actions on many objects that apply one step to each."""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse


class ParentRulesInlineMixin:
    """An inline is editable where its parent object is: a staff member who may not change
    an institution may not change its photos either. `parent_allows` may narrow it further."""

    def parent_allows(self, request, obj) -> bool:
        parent_admin = self.admin_site._registry[self.parent_model]
        return parent_admin.has_change_permission(request, obj)

    def _allowed(self, request, obj):
        return obj is None or self.parent_allows(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._allowed(request, obj)


def apply_to_each(modeladmin, request, queryset, step, *, done_message: str) -> int:
    """Apply a workflow step (`step(obj, by=user)`) to each selected object, each in its own
    transaction: one refused (ValidationError) is named with its reason and the others go
    on. `step` returns False for an object it had nothing to do with. Returns how many."""
    done, refused = 0, []
    model = queryset.model
    for pk in queryset.values_list("pk", flat=True):
        name = ""
        try:
            with transaction.atomic():  # a refused step leaves nothing half-written
                obj = model._default_manager.select_for_update().get(pk=pk)
                name = str(obj)
                if step(obj, by=request.user) is not False:
                    done += 1
        except ValidationError as error:
            refused.append(f"{name}: {'; '.join(error.messages)}")
    if done:
        modeladmin.message_user(request, done_message % {"n": done}, messages.SUCCESS)
    for message in refused:
        modeladmin.message_user(request, message, messages.ERROR)
    return done


class LimitedAutocompleteMixin:
    """The admin's autocomplete offers, for a form's field, only what that form will accept.

    The autocomplete asks the admin of the chosen model (institutions) for its list; the
    admin of the form's model (work plans) may narrow it for one of its fields by defining
    `limit_autocomplete(request, field_name, queryset)`.
    """

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.path != reverse(f"{self.admin_site.name}:autocomplete"):
            return queryset
        try:
            model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        except (KeyError, LookupError, ValueError):
            return queryset  # Django's view refuses such a request itself
        limit = getattr(self.admin_site._registry.get(model), "limit_autocomplete", None)
        return limit(request, request.GET.get("field_name", ""), queryset) if limit else queryset
