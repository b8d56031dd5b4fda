"""Drafts for comment on the office's checklist (agency/checklist.py): the law asks for the
drafts and for the result of the consultation; a draft past its period without the office's
summary, or comments left waiting for moderation, are what is missing."""

from datetime import timedelta

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agency import checklist
from consultations.models import Comment, Draft

# Comments waiting longer than this for moderation are a finding.
MODERATION_DAYS = 5


@checklist.register
def items():
    today = timezone.localdate()
    item = checklist.Item(
        _("Dự thảo văn bản lấy ý kiến nhân dân; ý kiến góp ý và kết quả tiếp thu"),
        "Luật TCTT Đ17 k1 c; NĐ 43/2011 Đ10 k1 i",
        reverse("consultations:list"),
        Draft.objects.published().aggregate(latest=Max("updated_at"))["latest"],
    )
    unsummarised = Draft.objects.closed_on(today).filter(summary="").order_by("closes_on")
    for draft in unsummarised[:50]:
        item.findings.append(
            checklist.Finding(
                _("%(draft)s hết hạn góp ý ngày %(day)s nhưng chưa có phần tổng hợp, tiếp thu.")
                % {"draft": draft.title, "day": draft.closes_on.strftime("%d/%m/%Y")},
                reverse("admin:consultations_draft_change", args=[draft.pk]),
            )
        )
    waiting = Comment.objects.pending().filter(
        submitted_at__lt=timezone.now() - timedelta(days=MODERATION_DAYS)
    )
    count = waiting.count()
    if count:
        item.findings.append(
            checklist.Finding(
                _("%(n)s góp ý dự thảo chờ duyệt quá %(days)s ngày.")
                % {"n": count, "days": MODERATION_DAYS},
                reverse("admin:consultations_comment_changelist") + "?status__exact=pending",
            )
        )
    yield item
