"""The department itself: its introduction pages, offices, leaders and contact officials.

Text a visitor reads is kept in Vietnamese and in English (django-modeltranslation adds a
`_vi` and an `_en` column per field: agency/translation.py). When each language was last
edited is noted per object, so the office's checklist can tell an English text that lags
behind its Vietnamese one.
"""

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from institutions.models import phone_validator
from photos.models import Photo
from vietnamese.fields import AutoSlugField, EmailField, LineField, ParagraphsField


class Translated(models.Model):
    """When the Vietnamese and the English text of an object were last changed."""

    # The fields that are translated (and so have a `_vi` and an `_en` column).
    TRANSLATED_FIELDS: tuple[str, ...] = ()
    # Those an English version needs before it is shown.
    REQUIRED_IN_ENGLISH: tuple[str, ...] = ()

    vi_updated_at = models.DateTimeField(
        _("cập nhật tiếng Việt"), null=True, blank=True, editable=False
    )
    en_updated_at = models.DateTimeField(
        _("cập nhật tiếng Anh"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def is_translated(self, language: str = "en") -> bool:
        """Whether the text needed in `language` is there (read from the language's own
        columns, which never fall back to Vietnamese)."""
        return all(getattr(self, f"{name}_{language}", "") for name in self.REQUIRED_IN_ENGLISH)

    @property
    def english_is_stale(self) -> bool:
        """The Vietnamese text was changed after the English one."""
        return bool(
            self.en_updated_at and self.vi_updated_at and self.en_updated_at < self.vi_updated_at
        )

    def note_edits(self, changed: list[str], *, at=None) -> None:
        """Note which languages an edit changed (`changed`: the form's changed fields)."""
        at = at or timezone.now()
        for language in ("vi", "en"):
            if any(name.endswith(f"_{language}") for name in changed):
                setattr(self, f"{language}_updated_at", at)


class AgencyPage(Translated):
    """A page of the introduction: overview, functions and tasks, history."""

    class Kind(models.TextChoices):
        OVERVIEW = "overview", _("Giới thiệu chung")
        FUNCTIONS = "functions", _("Chức năng, nhiệm vụ, quyền hạn")
        HISTORY = "history", _("Quá trình hình thành và phát triển")

    TRANSLATED_FIELDS = ("title", "body")
    REQUIRED_IN_ENGLISH = ("title", "body")

    kind = models.CharField(_("trang"), max_length=20, choices=Kind, unique=True)
    title = LineField(_("tiêu đề"), max_length=200)
    body = ParagraphsField(
        _("nội dung"),
        help_text=_("Mỗi đoạn cách nhau một dòng trống; mỗi ý một dòng."),
    )
    legal_basis = LineField(
        _("căn cứ"),
        max_length=300,
        blank=True,
        help_text=_("Văn bản quy định nội dung này, ví dụ: Quyết định số 03/2025/QĐ-UBND."),
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    class Meta:
        verbose_name = _("trang giới thiệu")
        verbose_name_plural = _("trang giới thiệu")
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()

    def get_absolute_url(self):
        return reverse(PAGE_URL_NAMES[self.kind])


PAGE_URL_NAMES = {
    AgencyPage.Kind.OVERVIEW: "agency:home",
    AgencyPage.Kind.FUNCTIONS: "agency:functions",
    AgencyPage.Kind.HISTORY: "agency:history",
}


class OfficeQuerySet(models.QuerySet):
    def valid_on(self, day: date):
        """Offices that existed on `day`."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gt=day),
        )

    def current(self):
        return self.valid_on(timezone.localdate())

    def former(self):
        return self.filter(valid_to__lte=timezone.localdate())


class Office(Translated):
    """An office of the department (Văn phòng, a Phòng, formerly the Thanh tra Sở), valid
    between two dates: the department's organisation changes by decision, and old news and
    documents still name offices that are gone."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("Văn phòng")
        INSPECTORATE = "inspectorate", _("Thanh tra")
        DIVISION = "division", _("Phòng chuyên môn")

    TRANSLATED_FIELDS = ("name", "functions", "successor_note")
    REQUIRED_IN_ENGLISH = ("name",)

    name = LineField(_("tên đơn vị"), max_length=200)
    slug = AutoSlugField(
        _("đường dẫn"), max_length=200, unique=True, populate_from="name_vi", fallback="phong"
    )
    short_name = LineField(
        _("tên viết tắt"), max_length=30, blank=True, help_text=_("Ví dụ: VP, QLVH, TC-PC.")
    )
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind, default=Kind.DIVISION)
    functions = ParagraphsField(_("chức năng, nhiệm vụ"), blank=True)
    phone = LineField(_("điện thoại"), max_length=30, blank=True, validators=[phone_validator])
    email = EmailField(_("thư điện tử"), blank=True)
    address = LineField(
        _("nơi làm việc"), max_length=200, blank=True, help_text=_("Ví dụ: Phòng 201, tầng 2.")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    valid_from = models.DateField(_("thành lập từ ngày"), null=True, blank=True)
    valid_to = models.DateField(
        _("không còn từ ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày đơn vị giải thể hoặc sáp nhập. Bỏ trống nếu đơn vị còn hoạt động."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_("Đơn vị của Sở nhận lại nhiệm vụ, nếu có."),
    )
    successor_note = LineField(
        _("nhiệm vụ chuyển về"),
        max_length=300,
        blank=True,
        help_text=_("Khi nhiệm vụ chuyển ra ngoài Sở, ví dụ: “Thanh tra tỉnh”."),
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        verbose_name = _("phòng, đơn vị thuộc Sở")
        verbose_name_plural = _("phòng, đơn vị thuộc Sở")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gt=F("valid_from")),
                name="agency_office_valid_range",
                violation_error_message=_("Ngày không còn phải sau ngày thành lập."),
            ),
            models.CheckConstraint(
                condition=~Q(successor=F("pk")),
                name="agency_office_successor_not_itself",
                violation_error_message=_("Đơn vị kế thừa không thể là chính nó."),
            ),
        ]

    def __str__(self):
        return self.name_vi or self.name or ""

    def get_absolute_url(self):
        return reverse("agency:organisation") + f"#{self.slug}"

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to > day
        )

    @property
    def is_current(self) -> bool:
        return self.is_valid_on(timezone.localdate())

    @property
    def last_day(self) -> date | None:
        """The last day the office existed (the day before `valid_to`)."""
        return self.valid_to and date.fromordinal(self.valid_to.toordinal() - 1)


class ContactOfficial(Translated):
    """The official a citizen or an agency contacts about an office's matters (Decree
    42/2022 Điều 4 khoản 1 điểm e: name, title, unit, official phone and e-mail)."""

    TRANSLATED_FIELDS = ("title", "duty")
    REQUIRED_IN_ENGLISH = ("title",)

    office = models.ForeignKey(
        Office, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = LineField(_("họ và tên"), max_length=150)
    title = LineField(_("chức vụ"), max_length=150)
    duty = LineField(
        _("đầu mối về"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: tiếp nhận yêu cầu cung cấp thông tin; thủ tục hành chính."),
    )
    phone = LineField(_("điện thoại"), max_length=30, validators=[phone_validator])
    email = EmailField(_("thư điện tử công vụ"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("cán bộ đầu mối")
        verbose_name_plural = _("cán bộ đầu mối")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class LeaderQuerySet(models.QuerySet):
    def current(self):
        today = timezone.localdate()
        return self.filter(
            Q(term_start__isnull=True) | Q(term_start__lte=today),
            Q(term_end__isnull=True) | Q(term_end__gt=today),
        )


class Leader(Translated):
    """A leader of the department (Giám đốc, Phó Giám đốc) for a term."""

    TRANSLATED_FIELDS = ("title", "portfolio", "biography")
    REQUIRED_IN_ENGLISH = ("title", "portfolio")

    name = LineField(_("họ và tên"), max_length=150)
    slug = AutoSlugField(_("đường dẫn"), max_length=150, unique=True, populate_from="name")
    title = LineField(_("chức vụ"), max_length=150, help_text=_("Ví dụ: Phó Giám đốc Sở."))
    portfolio = ParagraphsField(
        _("nhiệm vụ đảm nhiệm"),
        help_text=_("Lĩnh vực, phòng và đơn vị được phân công phụ trách; mỗi ý một dòng."),
    )
    biography = ParagraphsField(_("tiểu sử tóm tắt"), blank=True)
    phone = LineField(
        _("điện thoại công vụ"), max_length=30, blank=True, validators=[phone_validator]
    )
    email = EmailField(_("thư điện tử công vụ"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Giám đốc trước, rồi các Phó Giám đốc.")
    )
    term_start = models.DateField(_("giữ chức vụ từ ngày"), null=True, blank=True)
    term_end = models.DateField(
        _("thôi giữ chức vụ từ ngày"),
        null=True,
        blank=True,
        help_text=_("Bỏ trống khi còn đương nhiệm."),
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = LeaderQuerySet.as_manager()

    class Meta:
        verbose_name = _("lãnh đạo Sở")
        verbose_name_plural = _("lãnh đạo Sở")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gt=F("term_start")),
                name="agency_leader_term_range",
                violation_error_message=_("Ngày thôi giữ chức vụ phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agency:leaders") + f"#{self.slug}"

    @property
    def photo_or_none(self):
        try:
            return self.photo
        except LeaderPhoto.DoesNotExist:
            return None


class LeaderPhoto(Photo):
    leader = models.OneToOneField(
        Leader, verbose_name=_("lãnh đạo"), on_delete=models.CASCADE, related_name="photo"
    )

    class Meta:
        verbose_name = _("ảnh chân dung")
        verbose_name_plural = _("ảnh chân dung")

    def __str__(self):
        return self.caption or self.image.name


class AttachedInstitution(models.Model):
    """A public service unit attached to the department (đơn vị sự nghiệp trực thuộc): its
    name, address and contacts are the institution's, kept in the institutions app."""

    institution = models.OneToOneField(
        "institutions.Institution",
        verbose_name=_("thiết chế"),
        on_delete=models.CASCADE,
        related_name="agency_attachment",
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("đơn vị sự nghiệp trực thuộc")
        verbose_name_plural = _("đơn vị sự nghiệp trực thuộc")
        ordering = ["order", "pk"]

    def __str__(self):
        return str(self.institution)
