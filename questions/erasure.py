"""The asker's personal data (Decree 13/2023/NĐ-CP): erased at their request, or once kept
QUESTIONS_CONTACT_RETENTION_DAYS after the question was closed (`erase_expired_contacts`,
run daily by a systemd timer)."""

from django.db import transaction
from django.utils import timezone

from questions.models import Question


def erase_contact(question: Question) -> Question:
    """Forget who asked: name, e-mail, phone and the attachment (file removed from storage).
    The name as published (`public_name`, which the asker chose) stays with the question."""
    if question.attachment:
        name, storage = question.attachment.name, question.attachment.storage
        transaction.on_commit(lambda: storage.delete(name))
    question.asker_name = ""
    question.email = ""
    question.phone = ""
    question.attachment = ""
    question.contact_erased_at = timezone.now()
    question.save(
        update_fields=[
            "asker_name",
            "email",
            "phone",
            "attachment",
            "contact_erased_at",
            "updated_at",
        ]
    )
    return question


@transaction.atomic
def erase_on_request(question: Question) -> bool:
    """The asker asks for erasure with their tracking code: the contact details go; an
    unpublished question goes whole. True when the question itself was deleted."""
    if not question.is_public:
        if question.attachment:
            name, storage = question.attachment.name, question.attachment.storage
            transaction.on_commit(lambda: storage.delete(name))
        question.delete()
        return True
    erase_contact(question)
    return False


def erase_expired(*, now=None) -> int:
    count = 0
    for question in Question.objects.contact_expired(now=now).iterator():
        with transaction.atomic():
            erase_contact(question)
        count += 1
    return count
