"""The audit trail: one call per act that changes what the public sees or what is approved."""

from audit.models import AuditEvent


def record(action: str, obj, *, by=None, detail: str = "") -> AuditEvent:
    user = by if getattr(by, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        user=user,
        action=action,
        object_type=obj._meta.verbose_name,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        detail=detail,
    )
