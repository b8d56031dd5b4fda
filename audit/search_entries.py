"""The audit trail in the search index: found by the admin's search box of the trail (who,
what, which object), as every other box of the admin finds."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent
from search import index


@index.register
class AuditEventSource(index.Source):
    kind = "audit"
    model = "audit.AuditEvent"
    label = _("Nhật ký thao tác")

    def queryset(self):
        return AuditEvent.objects.select_related("user")

    def entry(self, event) -> index.Entry:
        user = event.user
        names = (user.get_username(), user.get_full_name()) if user else ()
        return index.Entry(
            title=event.object_repr,
            url=reverse("admin:audit_auditevent_change", args=[event.pk]),
            date=event.at,
            label=event.get_action_display(),
            text=event.detail,
            words=(*names, event.object_type),
            public=False,
        )
