"""Drafts put out for public comment (dự thảo lấy ý kiến), their files and the comments
received, moderated before they are shown."""

import uuid
from datetime import date, datetime, time, timedelta
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from documents.files import DocumentFileField
from documents.models import AttachedFile
from institutions.models import phone_validator
from vietnamese.fields import AutoSlugField, EmailField, LineField, ParagraphsField
from vietnamese.text import vietnamese_slugify

# Paths under /du-thao/ that a draft's slug must not take.
RESERVED_SLUGS = {"tep", "gop-y"}
# A comment longer than a few pages is not a comment on an article of a draft.
BODY_MAX_LENGTH = 5000


def next_midnight() -> datetime:
    tomorrow = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))


class DraftQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Draft.Status.PUBLISHED)

    def open_on(self, day: date):
        return self.published().filter(opens_on__lte=day, closes_on__gte=day)

    def not_closed_on(self, day: date):
        """Open for comments on `day`, or announced and opening later."""
        return self.published().filter(closes_on__gte=day)

    def closed_on(self, day: date):
        return self.published().filter(closes_on__lt=day)

    def for_listing(self):
        return self.select_related("office").order_by("-opens_on", "-pk")


class Draft(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn, chưa đăng")
        PUBLISHED = "published", _("Đã đăng lấy ý kiến")

    title = LineField(
        _("tên dự thảo"),
        max_length=300,
        help_text=_("Ví dụ: Dự thảo Quy chế tổ chức lễ hội trên địa bàn tỉnh."),
    )
    slug = AutoSlugField(
        _("đường dẫn"),
        max_length=120,
        unique=True,
        populate_from="title",
        fallback="du-thao",
        reserved=RESERVED_SLUGS,
        reserved_suffix="du-thao",
        help_text=_("Tạo tự động từ tên dự thảo."),
    )
    abstract = ParagraphsField(
        _("tóm tắt nội dung"),
        help_text=_("Mục đích, phạm vi, đối tượng áp dụng và những điểm chính cần xin ý kiến."),
    )
    office = models.ForeignKey(
        "agency.Office",
        verbose_name=_("đơn vị soạn thảo"),
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    opens_on = models.DateField(_("nhận góp ý từ ngày"))
    closes_on = models.DateField(
        _("hết hạn góp ý ngày"), help_text=_("Ngày cuối cùng nhận góp ý (cả ngày này).")
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True, editable=False)
    summary = ParagraphsField(
        _("tổng hợp, tiếp thu, giải trình"),
        blank=True,
        help_text=_(
            "Sau khi hết hạn góp ý: số góp ý nhận được, các ý kiến chính và việc tiếp thu, "
            "giải trình. Chỉ hiện trên trang khi đã hết hạn góp ý."
        ),
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản đã ban hành"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations",
        help_text=_("Văn bản trong sổ văn bản khi dự thảo đã được ban hành."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("lịch sử dự thảo"), excluded_fields=["updated_at"])

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")
        ordering = ["-opens_on", "-pk"]
        permissions = [("view_comment_contact", _("Xem thông tin liên hệ của người góp ý"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="consultations_draft_closes_after_opening",
                violation_error_message=_("Ngày hết hạn góp ý không thể trước ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="consultations_draft_published_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def is_open_on(self, day: date) -> bool:
        return self.is_published and self.opens_on <= day <= self.closes_on

    @property
    def is_open(self) -> bool:
        return self.is_open_on(timezone.localdate())

    @property
    def is_upcoming(self) -> bool:
        return timezone.localdate() < self.opens_on

    @property
    def is_closed(self) -> bool:
        return self.closes_on < timezone.localdate()

    @property
    def days_left(self) -> int:
        """Days comments are still taken, today included (0 once closed)."""
        return max(0, (self.closes_on - timezone.localdate()).days + 1)

    @property
    def phase_label(self) -> str:
        if self.is_closed:
            return _("Đã hết hạn góp ý")
        if self.is_upcoming:
            return _("Sắp lấy ý kiến")
        return _("Đang lấy ý kiến")

    @property
    def shows_summary(self) -> bool:
        return self.is_closed and bool(self.summary)


def draft_file_name(instance, filename: str) -> str:
    """du-thao/<year>/<draft>-<random>.<format>: readable, never guessed."""
    draft = instance.draft
    extension = PurePath(filename).suffix.lower()[:5]
    stem = vietnamese_slugify(draft.title, max_length=60) or "du-thao"
    year = draft.opens_on.year if draft.opens_on else "khac"
    return f"du-thao/{year}/{stem}-{uuid.uuid4().hex[:8]}{extension}"


class DraftFile(AttachedFile):
    """A file of a draft (its text, an explanatory report), checked as the documents
    register's files are."""

    default_title = _("Toàn văn dự thảo")

    draft = models.ForeignKey(
        Draft, verbose_name=_("dự thảo"), on_delete=models.CASCADE, related_name="files"
    )
    file = DocumentFileField(
        _("tệp"),
        upload_to=draft_file_name,
        max_length=200,
        help_text=_("PDF, DOC hoặc DOCX; PDF không được chứa mã lệnh, DOCX không chứa macro."),
    )
    title = LineField(
        _("tên tệp"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Dự thảo, Tờ trình, Bảng so sánh. Bỏ trống: “Toàn văn dự thảo”."),
    )
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0, editable=False)

    history = HistoricalRecords(verbose_name=_("lịch sử tệp dự thảo"))

    class Meta(AttachedFile.Meta):
        verbose_name = _("tệp dự thảo")
        verbose_name_plural = _("tệp dự thảo")

    def get_absolute_url(self):
        return reverse("consultations:file", kwargs={"slug": self.draft.slug, "pk": self.pk})


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def contacts_expired(self, *, retention_days: int, today: date | None = None):
        """Comments that still hold contact details although their draft closed more than
        `retention_days` ago."""
        today = today or timezone.localdate()
        limit = today - timedelta(days=retention_days)
        return self.filter(draft__closes_on__lt=limit, contact_erased_at__isnull=True)


class Comment(models.Model):
    """A citizen's comment on a draft. Shown once approved, with the commenter's name only;
    the e-mail and phone are for the office and are erased after the retention period."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt, đang hiện")
        REJECTED = "rejected", _("Không đăng")

    # Moderation bumps the content version itself (consultations/moderation.py): a comment
    # received changes nothing public.
    page_cache_ignore = True

    draft = models.ForeignKey(
        Draft, verbose_name=_("dự thảo"), on_delete=models.CASCADE, related_name="comments"
    )
    name = LineField(_("họ và tên"), max_length=100)
    email = EmailField(_("thư điện tử"), max_length=254, blank=True)
    phone = LineField(_("điện thoại"), max_length=20, blank=True, validators=[phone_validator])
    section = LineField(
        _("điều, khoản góp ý"),
        max_length=150,
        blank=True,
        help_text=_("Ví dụ: Điều 5, khoản 2. Bỏ trống nếu góp ý chung."),
    )
    body = ParagraphsField(_("nội dung góp ý"), max_length=BODY_MAX_LENGTH)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    link_heavy = models.BooleanField(
        _("nhiều đường dẫn"),
        default=False,
        help_text=_("Có nhiều đường dẫn web: cần xem kỹ trước khi duyệt (có thể là thư rác)."),
    )
    submitted_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    contact_erased_at = models.DateTimeField(
        _("đã xoá thông tin liên hệ lúc"), null=True, blank=True
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("góp ý dự thảo")
        verbose_name_plural = _("góp ý dự thảo")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["draft", "status", "submitted_at"], name="consultations_shown")
        ]

    def __str__(self):
        # Never the contact details: this text goes into the audit trail.
        return _("Góp ý của %(name)s về %(draft)s") % {
            "name": self.name,
            "draft": self.draft.title[:80] if self.draft_id else "",
        }
