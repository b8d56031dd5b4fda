from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from uploads.storage import SERVED_TYPES
from vietnamese.fields import LineField, ParagraphsField
from vietnamese.numbers import format_number
from vietnamese.text import normalize_text
from work_plans.fulfilment import (
    Rhythm,
    Terms,
    commitment_fulfilment,
    period_label,
    plan_summary,
    total_fulfilment,
)
from work_plans.uploads import evidence_name, private_storage, validate_evidence_file


def published_articles():
    """Only published news can be named as a plan's announcement or a report's evidence."""
    from django.utils import timezone

    return Q(status="published", published_at__lte=timezone.now())


class CommitmentCategory(models.Model):
    name = LineField(_("tên nhóm"), max_length=150, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm cam kết")
        verbose_name_plural = _("nhóm cam kết")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class WorkPlanQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status__in=[WorkPlan.Status.APPROVED, WorkPlan.Status.CLOSED])

    def public(self):
        """What the public site shows: approved plans of institutions it shows."""
        return self.approved().filter(institution__is_public=True)

    def summaries(self, day: date) -> list[dict]:
        """These plans as table rows `{plan, share, behind, achieved, count}` on `day`.

        For tables of many plans (the year page, the leaders' dashboard and its export):
        each commitment's figures and reported total are read as plain values, the database
        summing the reports: two queries whatever the count (`select_related` beforehand
        what the table shows of the institutions), rather than a model instance per
        commitment and report with their related objects; a plan's own page reads those.
        """
        return summaries_of(list(self), day)


def summaries_of(plans: list, day: date) -> list[dict]:
    """`WorkPlanQuerySet.summaries` for plans already read (in the order given)."""
    if not plans:
        return []
    by_pk = {plan.pk: plan for plan in plans}
    counted = Q(reports__status=ProgressReport.Status.VERIFIED)
    # The plans' own ids, not this queryset again as a subquery: a page of a list would
    # be sliced a second time, and plans of equal names could change places in between.
    commitments = (
        Commitment.objects.filter(plan__in=list(by_pk))
        .order_by()
        .annotate(done=Sum("reports__quantity", filter=counted))
        .values_list("pk", "plan", "target", "rhythm", "due_date", "judgement", "done")
    )
    results = defaultdict(list)
    for _pk, plan, target, rhythm, due_date, judgement, done in commitments:
        terms = Terms(target, rhythm, due_date, judgement, by_pk[plan])
        results[plan].append(total_fulfilment(terms, done or Decimal(0), day))
    return [{"plan": plan, **plan_summary(results[plan.pk])} for plan in plans]


class WorkPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        SUBMITTED = "submitted", _("Đã trình duyệt")
        APPROVED = "approved", _("Đã phê duyệt")
        CLOSED = "closed", _("Đã khép lại")

    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("thiết chế"),
        on_delete=models.PROTECT,
        related_name="work_plans",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = LineField(_("tên chương trình"), max_length=255, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phê duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField(_("ngày phê duyệt"), null=True, blank=True, editable=False)
    announcement = models.ForeignKey(
        "news.Article",
        verbose_name=_("tin công bố"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announced_plans",
        limit_choices_to=published_articles,
        help_text=_("Tin bài đã đưa tin về chương trình công tác này, nếu có."),
    )
    note = ParagraphsField(_("ghi chú"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("lịch sử kế hoạch"))

    objects = WorkPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("chương trình công tác năm")
        verbose_name_plural = _("chương trình công tác năm")
        ordering = ["-year", "institution__name"]
        permissions = [
            ("approve_workplan", _("Có thể phê duyệt kế hoạch")),
            ("view_dashboard", _("Có thể xem bảng theo dõi và xuất báo cáo")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "year"],
                name="work_plans_workplan_one_per_year",
                violation_error_message=_("Thiết chế này đã có chương trình công tác năm đó."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="work_plans_workplan_year_range",
                violation_error_message=_("Năm phải từ 2000 đến 2100."),
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="work_plans_workplan_approved_has_date",
                violation_error_message=_("Kế hoạch đã phê duyệt phải có ngày phê duyệt."),
            ),
        ]

    def __str__(self):
        return self.title or _("Chương trình công tác năm %(year)s – %(institution)s") % {
            "year": self.year,
            "institution": self.institution,
        }

    def get_absolute_url(self):
        return reverse("work_plans:plan", kwargs={"year": self.year, "slug": self.institution.slug})

    @property
    def is_public(self) -> bool:
        approved = self.status in (self.Status.APPROVED, self.Status.CLOSED)
        return approved and self.institution.is_public

    @property
    def accepts_reports(self) -> bool:
        return self.status != self.Status.CLOSED

    def fulfilment(self, day: date) -> dict:
        """Overall figures of the plan from its (prefetched) commitments."""
        return plan_summary([c.fulfilment(day) for c in self.commitments.all()])


class Commitment(models.Model):
    class Judgement(models.TextChoices):
        DONE = "done", _("Đã thực hiện")
        PARTLY = "partly", _("Thực hiện một phần")
        NOT_DONE = "not_done", _("Chưa thực hiện")

    plan = models.ForeignKey(
        WorkPlan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="commitments"
    )
    category = models.ForeignKey(
        CommitmentCategory, verbose_name=_("nhóm"), on_delete=models.PROTECT
    )
    description = ParagraphsField(_("nội dung cam kết"))
    target = models.DecimalField(
        _("chỉ tiêu mỗi kỳ"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Bỏ trống với cam kết không đo bằng con số."),
    )
    unit = LineField(
        _("đơn vị tính"),
        max_length=50,
        blank=True,
        help_text=_("Ví dụ: buổi, chương trình, vở, lớp, huy chương."),
    )
    rhythm = models.CharField(_("nhịp"), max_length=10, choices=Rhythm, default=Rhythm.YEAR)
    due_date = models.DateField(
        _("hạn hoàn thành"), null=True, blank=True, help_text=_("Với cam kết thực hiện một lần.")
    )
    judgement = models.CharField(
        _("đánh giá (cam kết định tính)"), max_length=20, choices=Judgement, blank=True
    )
    explanation = ParagraphsField(_("giải trình"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords(verbose_name=_("lịch sử cam kết"))

    class Meta:
        verbose_name = _("cam kết")
        verbose_name_plural = _("cam kết")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gt=0),
                name="work_plans_commitment_target_positive",
                violation_error_message=_("Chỉ tiêu phải lớn hơn 0."),
            ),
            models.CheckConstraint(
                condition=~Q(rhythm="once") | Q(due_date__isnull=False),
                name="work_plans_commitment_once_has_due_date",
                violation_error_message=_("Cam kết thực hiện một lần cần có hạn hoàn thành."),
            ),
        ]

    def __str__(self):
        return normalize_text(self.description)[:80]

    def clean(self):
        errors = {}
        if self.target is not None and not self.unit.strip():
            errors["unit"] = _("Hãy nhập đơn vị tính của chỉ tiêu (ví dụ: buổi).")
        if self.rhythm == Rhythm.ONCE and self.due_date is None:
            errors["due_date"] = _("Cam kết thực hiện một lần cần có hạn hoàn thành.")
        if self.due_date and self.plan_id and self.due_date.year != self.plan.year:
            errors["due_date"] = _("Hạn hoàn thành phải nằm trong năm của kế hoạch.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_quantitative(self) -> bool:
        return self.target is not None

    @property
    def target_label(self) -> str:
        if not self.is_quantitative:
            return _("Định tính")
        return f"{format_number(self.target)} {self.unit}/{Rhythm(self.rhythm).short}"

    def fulfilment(self, day: date):
        """How far the commitment has come on `day`, from its verified reports only."""
        reports = [r for r in self.reports.all() if r.status == ProgressReport.Status.VERIFIED]
        return commitment_fulfilment(self, [(r.period_start, r.quantity) for r in reports], day)


class ProgressReport(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Chờ xác nhận")
        VERIFIED = "verified", _("Đã xác nhận")
        RETURNED = "returned", _("Trả lại")

    class PeriodKind(models.TextChoices):
        MONTH = "month", _("Tháng")
        QUARTER = "quarter", _("Quý")

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("cam kết"), on_delete=models.CASCADE, related_name="reports"
    )
    period_kind = models.CharField(_("loại kỳ"), max_length=10, choices=PeriodKind)
    period_start = models.DateField(_("kỳ báo cáo (ngày đầu kỳ)"))
    quantity = models.DecimalField(_("số lượng thực hiện"), max_digits=10, decimal_places=2)
    note = ParagraphsField(_("ghi chú"), blank=True)
    evidence_article = models.ForeignKey(
        "news.Article",
        verbose_name=_("tin bài minh chứng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evidence_for",
        limit_choices_to=published_articles,
    )
    evidence_file = models.FileField(
        _("tệp minh chứng"),
        upload_to=evidence_name,
        storage=private_storage,
        blank=True,
        validators=[validate_evidence_file],
        help_text=_("Tệp PDF, JPEG hoặc PNG, tối đa 10 MB."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.SUBMITTED, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người báo cáo"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(_("ngày báo cáo"), auto_now_add=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    verified_at = models.DateTimeField(_("ngày xác nhận"), null=True, blank=True, editable=False)
    comment = ParagraphsField(_("ý kiến của lãnh đạo"), blank=True)

    history = HistoricalRecords(verbose_name=_("lịch sử báo cáo"))

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["period_start", "pk"]
        permissions = [("verify_progressreport", _("Có thể xác nhận hoặc trả lại báo cáo"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=0),
                name="work_plans_progressreport_quantity_not_negative",
                violation_error_message=_("Số lượng thực hiện không được âm."),
            ),
        ]

    def __str__(self):
        try:
            commitment = self.commitment
        except Commitment.DoesNotExist:  # a deleted report's commitment, deleted with it
            commitment = _("(cam kết đã xoá)")
        return f"{commitment} – {self.period_label}"

    @property
    def period_label(self) -> str:
        return period_label(self.period_kind, self.period_start)

    @property
    def evidence_filename(self) -> str:
        """The evidence file's name for people, with the extension of its verified type."""
        extension = PurePath(self.evidence_file.name).suffix.lower().lstrip(".")
        return f"minh-chung-{self.pk}.{extension if extension in SERVED_TYPES else 'bin'}"

    def clean(self):
        errors = {}
        if self.quantity is not None and self.quantity < Decimal(0):
            errors["quantity"] = _("Số lượng thực hiện không được âm.")
        if self.commitment_id and self.period_start:
            plan = self.commitment.plan
            if self.period_start.year != plan.year:
                errors["period_start"] = _(
                    "Kỳ báo cáo phải nằm trong năm %(year)s của kế hoạch."
                ) % {"year": plan.year}
            elif self.period_kind == self.PeriodKind.QUARTER and self.period_start.month % 3 != 1:
                errors["period_start"] = _("Quý phải bắt đầu vào tháng 1, 4, 7 hoặc 10.")
            elif self.period_start.day != 1:
                errors["period_start"] = _("Kỳ báo cáo bắt đầu vào ngày đầu tháng.")
            if not plan.accepts_reports:
                errors["commitment"] = _("Kế hoạch này đã khép lại, không nhận thêm báo cáo.")
        if errors:
            raise ValidationError(errors)


# What an account's name is made of (accounts.names.person_name).
NAME_FIELDS = {"username", "first_name", "last_name"}


def approver_renamed(sender, instance, update_fields=None, **kwargs) -> None:
    """A plan page shows who approved the plan, and is kept under the plans' version: an
    approver's new name, or the account's deletion (which empties `approved_by` without a
    signal of its own), renews that version. Signing in (which saves `last_login` only)
    and accounts that approved nothing do not."""
    from page_cache.middleware import bump_content_version

    if kwargs.get("created"):
        return
    if update_fields is not None and not NAME_FIELDS & set(update_fields):
        return
    deleted = "created" not in kwargs  # post_delete: its plans have let it go already
    if deleted or WorkPlan.objects.filter(approved_by=instance.pk).exists():
        bump_content_version(sender=WorkPlan)
