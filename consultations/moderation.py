"""Comments on drafts: received, approved or rejected by the office, and their contact
details erased once kept long enough (Decree 13/2023/NĐ-CP)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from consultations.models import Comment
from page_cache.middleware import bump_content_version


def receive_comment(comment: Comment, *, link_heavy: bool) -> Comment:
    """Keep a citizen's comment, waiting for moderation: nothing public changes, so the
    cached pages stay."""
    comment.status = Comment.Status.PENDING
    comment.link_heavy = link_heavy
    comment.submitted_at = timezone.now()
    comment.save()
    return comment


def _moderate(comment: Comment, status: str, *, by) -> bool:
    if comment.status == status:
        return False
    was_shown = comment.status == Comment.Status.APPROVED
    comment.status = status
    comment.moderated_at = timezone.now()
    comment.moderated_by = by if getattr(by, "is_authenticated", False) else None
    comment.save(update_fields=["status", "moderated_at", "moderated_by"])
    if was_shown or status == Comment.Status.APPROVED:
        bump_content_version()
    return True


def approve_comment(comment: Comment, *, by=None) -> bool:
    """Show the comment under its draft; False if it was already shown."""
    done = _moderate(comment, Comment.Status.APPROVED, by=by)
    if done:
        audit.record(AuditEvent.Action.APPROVED, comment, by=by, detail=_("Duyệt đăng góp ý"))
    return done


def reject_comment(comment: Comment, *, by=None) -> bool:
    """Do not show the comment (or take it down); False if it was already rejected."""
    done = _moderate(comment, Comment.Status.REJECTED, by=by)
    if done:
        audit.record(AuditEvent.Action.RETURNED, comment, by=by, detail=_("Không đăng góp ý"))
    return done


def erase_expired_contacts(*, retention_days: int, today=None) -> int:
    """Erase the e-mail and phone of comments on drafts closed more than `retention_days`
    ago; the name and the comment stay (they are published). Returns how many."""
    with transaction.atomic():
        return Comment.objects.contacts_expired(retention_days=retention_days, today=today).update(
            email="", phone="", contact_erased_at=timezone.now()
        )
