"""The news workflow: draft → waiting for review → published (now or scheduled) → unpublished.

Admin forms, admin actions and commands call these functions; none repeats their steps.
A scheduled article is simply published with a future `published_at`: `published()` leaves
it out until its time comes, so it appears by itself with no cron job.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from news.models import Article

FIELD_LABELS = {
    "lead": lambda: _("sapo"),
    "body": lambda: _("nội dung"),
    "byline": lambda: _("tác giả / đơn vị"),
    "category": lambda: _("chuyên mục"),
}


def check_ready(article: Article) -> None:
    """Raise a ValidationError per missing field when the article cannot leave draft."""
    missing = article.missing_for_submission()
    if missing:
        raise ValidationError(
            {
                name: _("Cần nhập %(field)s trước khi gửi duyệt hoặc đăng.")
                % {"field": FIELD_LABELS[name]()}
                for name in missing
            }
        )


def submit_for_review(article: Article, *, by) -> Article:
    check_ready(article)
    article.status = Article.Status.REVIEW
    article._change_reason = _("Gửi duyệt")  # the version history's note
    article.save()
    return article


def publish_article(article: Article, *, by, at: datetime | None = None, note: str = "") -> Article:
    """Publish now, or at `at` (a future time schedules it). `note` replaces the version
    history's note that says so (the importer names its own runs)."""
    check_ready(article)
    article.status = Article.Status.PUBLISHED
    article.published_at = at or timezone.now()
    article.published_by = by
    scheduled = article.published_at > timezone.now()
    when = timezone.localtime(article.published_at).strftime("%H:%M %d/%m/%Y")
    article._change_reason = note or (
        (_("Hẹn giờ đăng lúc %(when)s") if scheduled else _("Đăng lúc %(when)s")) % {"when": when}
    )
    article.save()
    audit.record(
        AuditEvent.Action.SCHEDULED if scheduled else AuditEvent.Action.PUBLISHED,
        article,
        by=by,
        detail=timezone.localtime(article.published_at).strftime("%H:%M %d/%m/%Y"),
    )
    return article


def unpublish_article(article: Article, *, by) -> Article:
    article.status = Article.Status.UNPUBLISHED
    article._change_reason = _("Gỡ khỏi trang")
    article.save()
    audit.record(AuditEvent.Action.UNPUBLISHED, article, by=by)
    return article


def return_to_draft(article: Article, *, by, note: str = "") -> Article:
    article.status = Article.Status.DRAFT
    if note:
        article.editor_note = note
    article._change_reason = _("Trả lại để sửa")
    article.save()
    return article


def apply_status(article: Article, previous_status: str | None, *, by) -> Article:
    """Save an article edited in a form, running the workflow step its new status asks for."""
    target = article.status
    if target == Article.Status.PUBLISHED and (
        previous_status != Article.Status.PUBLISHED or not article.published_at
    ):
        return publish_article(article, by=by, at=article.published_at)
    if target == Article.Status.REVIEW and previous_status != Article.Status.REVIEW:
        return submit_for_review(article, by=by)
    if target == Article.Status.UNPUBLISHED and previous_status != Article.Status.UNPUBLISHED:
        return unpublish_article(article, by=by)
    if target in (Article.Status.REVIEW, Article.Status.PUBLISHED):
        check_ready(article)
    article.save()
    return article
