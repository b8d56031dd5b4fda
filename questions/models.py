"""Citizens' questions and the department's answers (Hỏi đáp).

A question holds two kinds of data. What may be published once answered: the topic, the
title, the question, the answer, the office that answered and the name as the asker chose it
to be shown (`public_name`, set when it is sent). And the asker's contact details (full name,
e-mail, phone, attachment): seen in the admin only by the roles that handle questions, never
on a public page nor in an export, and erased after the retention period
(questions/erasure.py). No version history is kept of questions, so that an erasure leaves
no copy behind.
"""

import secrets
import uuid
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from institutions.models import phone_validator
from vietnamese.fields import AutoSlugField, EmailField, LineField, ParagraphsField

# Tracking codes are read aloud and typed again: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(value: str) -> str:
    return "".join(ch for ch in (value or "").upper() if ch in CODE_ALPHABET)


def private_storage():
    return storages["private"]


def attachment_name(instance, filename: str) -> str:
    """A random name (the asker's file name may name them), with the extension the check of
    its content gave."""
    extension = PurePath(filename).suffix.lower()[:6]
    return f"hoi-dap/{uuid.uuid4().hex}{extension}"


class TopicQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Topic(models.Model):
    name = LineField(_("tên chủ đề"), max_length=120, unique=True)
    slug = AutoSlugField(
        _("đường dẫn"), max_length=120, unique=True, populate_from="name", fallback="chu-de"
    )
    description = LineField(_("mô tả ngắn"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(
        _("nhận câu hỏi"), default=True, help_text=_("Bỏ chọn để không nhận câu hỏi mới.")
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("chủ đề hỏi đáp")
        verbose_name_plural = _("chủ đề hỏi đáp")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("questions:list") + f"?topic={self.slug}"


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Question.Status.ANSWERED, consent_publication=True)

    def open(self):
        return self.filter(status__in=Question.OPEN_STATUSES)

    def overdue(self, *, now=None):
        days = settings.QUESTIONS_OVERDUE_DAYS
        since = (now or timezone.now()) - timedelta(days=days)
        return self.open().filter(submitted_at__lt=since)

    def contact_expired(self, *, now=None):
        """Questions whose asker's contact details are past their retention: closed
        (answered or refused) that long ago, or abandoned unanswered that long."""
        days = settings.QUESTIONS_CONTACT_RETENTION_DAYS
        cutoff = (now or timezone.now()) - timedelta(days=days)
        return self.filter(contact_erased_at__isnull=True).filter(
            Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, submitted_at__lt=cutoff)
        )


class Question(models.Model):
    class Status(models.TextChoices):
        HELD = "held", _("Chờ kiểm tra (nhiều liên kết)")
        NEW = "new", _("Mới nhận")
        ASSIGNED = "assigned", _("Đang xử lý")
        REVIEW = "review", _("Chờ lãnh đạo duyệt")
        ANSWERED = "answered", _("Đã trả lời")
        REJECTED = "rejected", _("Không trả lời")

    class NameShown(models.TextChoices):
        FULL = "full", _("Họ và tên đầy đủ")
        SHORT = "short", _("Tên rút gọn (ví dụ: N.V. An)")
        NONE = "none", _("Không hiện tên (“Bạn đọc”)")

    OPEN_STATUSES = (Status.HELD, Status.NEW, Status.ASSIGNED, Status.REVIEW)

    code = models.CharField(_("mã theo dõi"), max_length=16, unique=True, default=new_code)
    topic = models.ForeignKey(
        Topic, verbose_name=_("chủ đề"), on_delete=models.PROTECT, related_name="questions"
    )
    title = LineField(_("tiêu đề"), max_length=200)
    body = ParagraphsField(_("nội dung câu hỏi"))
    public_name = LineField(_("tên hiển thị"), max_length=120)
    name_shown = models.CharField(
        _("cách hiện tên"), max_length=10, choices=NameShown, default=NameShown.SHORT
    )
    consent_publication = models.BooleanField(_("đồng ý công khai câu hỏi"), default=False)
    # The asker's contact details: erased after the retention period or on request.
    asker_name = LineField(_("họ và tên người hỏi"), max_length=120, blank=True)
    email = EmailField(_("thư điện tử"), blank=True)
    phone = LineField(_("điện thoại"), max_length=30, blank=True, validators=[phone_validator])
    attachment = models.FileField(
        _("tệp đính kèm"), upload_to=attachment_name, storage=private_storage, blank=True
    )
    # Handling.
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status, default=Status.NEW, db_index=True
    )
    office = models.ForeignKey(
        "agency.Office",
        verbose_name=_("đơn vị trả lời"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
    )
    answer = ParagraphsField(_("nội dung trả lời"), blank=True)
    staff_note = ParagraphsField(
        _("ghi chú nội bộ"), blank=True, help_text=_("Không hiện trên trang công khai.")
    )
    link_count = models.PositiveSmallIntegerField(_("số liên kết trong câu hỏi"), default=0)
    submitted_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("ngày khép lại"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    contact_erased_at = models.DateTimeField(_("ngày xoá thông tin liên hệ"), null=True, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = QuestionQuerySet.as_manager()
    # Pages are renewed only when a public question changes (questions/apps.py).
    page_cache_ignore = True

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-submitted_at"]
        permissions = [
            ("view_contact_details", _("Xem thông tin liên hệ của người hỏi")),
            ("approve_answer", _("Duyệt và công bố câu trả lời")),
        ]
        indexes = [models.Index(fields=["status", "answered_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="answered") | Q(answered_at__isnull=False),
                name="questions_question_answered_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def get_absolute_url(self):
        return reverse("questions:detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.ANSWERED and self.consent_publication

    @property
    def has_contact(self) -> bool:
        return bool(self.asker_name or self.email or self.phone or self.attachment)


def shown_name(full_name: str, choice: str) -> str:
    """The name published with a question, as its asker chose: "Nguyễn Văn An" in full,
    shortened to "N.V. An", or not at all ("Bạn đọc")."""
    words = (full_name or "").split()
    if choice == Question.NameShown.FULL and words:
        return " ".join(words)
    if choice == Question.NameShown.SHORT and words:
        initials = "".join(f"{word[0].upper()}." for word in words[:-1])
        return f"{initials} {words[-1]}".strip()
    return str(_("Bạn đọc"))
