"""Putting a draft out for comment, and taking it back."""

from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from consultations.models import Draft


def publish_draft(draft: Draft, *, by=None) -> Draft:
    draft.status = Draft.Status.PUBLISHED
    draft.published_at = draft.published_at or timezone.now()
    draft.full_clean()
    draft.save()
    audit.record(AuditEvent.Action.PUBLISHED, draft, by=by, detail=_("Đăng dự thảo lấy ý kiến"))
    return draft


def unpublish_draft(draft: Draft, *, by=None) -> Draft:
    draft.status = Draft.Status.DRAFT
    draft.published_at = None
    draft.save()
    audit.record(AuditEvent.Action.UNPUBLISHED, draft, by=by, detail=_("Gỡ dự thảo lấy ý kiến"))
    return draft
