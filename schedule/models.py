"""The leaders' weekly work schedule (lịch công tác tuần), published by the office a week at
a time."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from vietnamese.fields import LineField, ParagraphsField


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def next_midnight() -> datetime:
    """The next start of a day in Viet Nam (what "today" is changes then)."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))


class WeekQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Week.Status.PUBLISHED)


class Week(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        PUBLISHED = "published", _("Đã công bố")

    start = models.DateField(
        _("tuần bắt đầu ngày"), unique=True, help_text=_("Ngày thứ Hai của tuần.")
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    note = ParagraphsField(
        _("ghi chú"), blank=True, help_text=_("Hiện dưới lịch, ví dụ nơi liên hệ khi có thay đổi.")
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công bố"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("lịch sử lịch tuần"), excluded_fields=["updated_at"])

    objects = WeekQuerySet.as_manager()

    class Meta:
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="schedule_week_published_has_date",
                violation_error_message=_("Lịch đã công bố phải có thời điểm công bố."),
            ),
        ]

    def __str__(self):
        return _("Tuần %(week)s (%(start)s – %(end)s)") % {
            "week": self.iso_week,
            "start": self.start.strftime("%d/%m"),
            "end": self.end.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self):
        year, week, _day = self.start.isocalendar()
        return reverse("schedule:week", kwargs={"year": year, "week": week})

    def clean(self):
        if self.start and self.start.weekday() != 0:
            raise ValidationError(
                {
                    "start": _("Tuần bắt đầu từ thứ Hai: hãy chọn ngày %(monday)s.")
                    % {"monday": week_start(self.start).strftime("%d/%m/%Y")}
                }
            )

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def iso_week(self) -> int:
        return self.start.isocalendar()[1]

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Entry(models.Model):
    """One item of a week: a meeting, a visit, a reception."""

    week = models.ForeignKey(
        Week, verbose_name=_("tuần"), on_delete=models.CASCADE, related_name="entries"
    )
    day = models.DateField(_("ngày"))
    starts_at = models.TimeField(_("bắt đầu"))
    ends_at = models.TimeField(_("kết thúc"), null=True, blank=True)
    title = ParagraphsField(_("nội dung"))
    chair = LineField(
        _("chủ trì"), max_length=200, help_text=_("Ví dụ: Giám đốc Sở Trần Văn Minh.")
    )
    attendees = ParagraphsField(_("thành phần"), blank=True)
    location = LineField(_("địa điểm"), max_length=300)
    cancelled = models.BooleanField(
        _("hoãn"), default=False, help_text=_("Giữ lại trên lịch, ghi là hoãn.")
    )
    adjusted_at = models.DateTimeField(
        _("điều chỉnh lúc"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Lần sửa gần nhất sau khi lịch tuần đã công bố."),
    )
    sequence = models.PositiveIntegerField(_("số lần điều chỉnh"), default=0, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("lịch sử mục lịch"), excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("mục lịch công tác")
        verbose_name_plural = _("mục lịch công tác")
        ordering = ["day", "starts_at", "pk"]
        indexes = [models.Index(fields=["day", "starts_at"], name="schedule_entry_by_time")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="schedule_entry_ends_after_start",
                violation_error_message=_("Giờ kết thúc phải sau giờ bắt đầu."),
            ),
        ]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.starts_at:%H:%M} – {self.title[:80]}"

    def get_absolute_url(self):
        return f"{self.week.get_absolute_url()}#muc-{self.pk}"

    def clean(self):
        # The week of an inline form may not be saved yet: its start is known all the same.
        try:
            week = self.week
        except Week.DoesNotExist:
            week = None
        if week and week.start and self.day and not (week.start <= self.day <= week.end):
            raise ValidationError(
                {
                    "day": _("Ngày phải nằm trong tuần từ %(start)s đến %(end)s.")
                    % {
                        "start": week.start.strftime("%d/%m/%Y"),
                        "end": week.end.strftime("%d/%m/%Y"),
                    }
                }
            )

    @property
    def start_moment(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.day, self.starts_at))

    @property
    def end_moment(self) -> datetime:
        if self.ends_at:
            return timezone.make_aware(datetime.combine(self.day, self.ends_at))
        return self.start_moment + timedelta(hours=1)
