"""Handling a question: held → new → assigned to an office → answer submitted → approved by a
leader (published) or returned; or refused. The admin calls these; none repeats their steps.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from navigation.site import absolute_url
from public_forms.forms import count_links
from questions.models import Question, shown_name

S = Question.Status
logger = logging.getLogger(__name__)


def receive(form, *, link_heavy: bool) -> Question:
    """Save a question sent through the ask form; link-heavy text waits for a check."""
    question = form.save(commit=False)
    question.public_name = shown_name(question.asker_name, question.name_shown)
    question.link_count = count_links(f"{question.title} {question.body}")
    question.status = S.HELD if link_heavy else S.NEW
    question.save()
    return question


def release(question: Question, *, by) -> Question:
    """A held question looked at by staff and found genuine."""
    if question.status == S.HELD:
        question.status = S.NEW
        question.save(update_fields=["status", "updated_at"])
    return question


def assign(question: Question, *, office, by) -> Question:
    question.office = office
    if question.status in (S.NEW, S.HELD):
        question.status = S.ASSIGNED
    question.save(update_fields=["office", "status", "updated_at"])
    return question


def submit_answer(question: Question, *, by) -> Question:
    errors = {}
    if not question.office_id:
        errors["office"] = _("Chọn đơn vị trả lời trước khi gửi lãnh đạo duyệt.")
    if not question.answer.strip():
        errors["answer"] = _("Nhập nội dung trả lời trước khi gửi lãnh đạo duyệt.")
    if errors:
        raise ValidationError(errors)
    question.status = S.REVIEW
    question.save()
    return question


def approve(question: Question, *, by) -> Question:
    """A leader approves the answer: public (if the asker agreed), and the asker is told.
    The status is read again under a row lock: two leaders approving the same answer at once
    publish it (and e-mail the asker) once."""
    current = (
        Question.objects.select_for_update()
        .filter(pk=question.pk)
        .values_list("status", flat=True)
        .first()
    )
    if question.status != S.REVIEW or current != S.REVIEW:
        raise ValidationError(_("Chỉ duyệt được câu trả lời đang chờ lãnh đạo duyệt."))
    now = timezone.now()
    question.status = S.ANSWERED
    question.answered_at = now
    question.closed_at = now
    question.approved_by = by
    question.save()
    audit.record(AuditEvent.Action.APPROVED, question, by=by, detail=_("Công bố câu trả lời"))
    if question.email:
        transaction.on_commit(lambda: notify_answered(question))
    return question


def return_answer(question: Question, *, by, note: str = "") -> Question:
    question.status = S.ASSIGNED
    if note:
        question.staff_note = note
    question.save()
    audit.record(AuditEvent.Action.RETURNED, question, by=by, detail=note)
    return question


def refuse(question: Question, *, by, note: str = "") -> Question:
    """Not answered (spam, abuse, outside the department's remit)."""
    question.status = S.REJECTED
    question.closed_at = timezone.now()
    if note:
        question.staff_note = note
    question.save()
    audit.record(AuditEvent.Action.CLOSED, question, by=by, detail=_("Không trả lời"))
    return question


def notify_answered(question: Question) -> None:
    context = {
        "question": question,
        "track_url": absolute_url(f"{reverse('questions:track')}?ma={question.code}"),
        "page_url": absolute_url(question.get_absolute_url()) if question.is_public else "",
    }
    try:
        send_mail(
            _("Sở đã trả lời câu hỏi của bạn (mã %(code)s)") % {"code": question.code},
            render_to_string("questions/email_answered.txt", context),
            None,
            [question.email],
        )
    except OSError:  # SMTP errors included: the answer stays published, the failure logged
        logger.exception("could not e-mail the answer to question %s", question.pk)
