import re
from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from photos.models import Photo
from search.matching import Query, matching
from search.models import SearchEntry
from vietnamese.fields import AutoSlugField, EmailField, LineField, ParagraphsField, URLField
from vietnamese.numbers import format_number
from vietnamese.sorting import SortKey

# Vietnam's July 2025 reorganisation: no district level, 34 provinces.
REFORM_DATE = date(2025, 7, 1)


class Level(models.IntegerChoices):
    PROVINCE = 1, _("Cấp tỉnh")
    DISTRICT = 2, _("Cấp huyện")
    COMMUNE = 3, _("Cấp xã")
    VILLAGE = 4, _("Thôn, xóm, bản, ấp, tổ dân phố")


class AdministrativeUnitQuerySet(models.QuerySet):
    def valid_on(self, day: date):
        """Units that existed on `day`."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gt=day),
        )

    def current(self):
        return self.valid_on(timezone.localdate())

    def before_reform(self):
        """Units as they were on 30 June 2025, before the reorganisation."""
        return self.valid_on(date(2025, 6, 30))

    def provinces(self):
        """Provinces to choose from: in Vietnamese order, today's before the one of that name
        that ended."""
        return self.filter(level=Level.PROVINCE).order_by(
            SortKey("name"), F("valid_to").asc(nulls_first=True)
        )

    def with_institution_counts(self) -> list["AdministrativeUnit"]:
        """These units, each with `institution_count`: the institutions in it or in any unit
        below it (one query for the counts, whatever the number of units)."""
        units = list(self)
        ids = {unit.pk for unit in units}
        places = (
            "unit_id",
            "unit__parent_id",
            "unit__parent__parent_id",
            "unit__parent__parent__parent_id",
        )
        inside = Q()
        for place in places:
            inside |= Q(**{f"{place.removesuffix('_id')}__in": ids})
        counts = Counter()
        for row in Institution.objects.public().filter(inside).values_list(*places):
            counts.update(pk for pk in row if pk in ids)
        for unit in units:
            unit.institution_count = counts[unit.pk]
        return units


class AdministrativeUnit(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "tinh", _("tỉnh")
        CENTRAL_CITY = "thanh_pho_tw", _("thành phố trực thuộc trung ương")
        CITY = "thanh_pho", _("thành phố")
        DISTRICT = "huyen", _("huyện")
        URBAN_DISTRICT = "quan", _("quận")
        TOWN = "thi_xa", _("thị xã")
        COMMUNE = "xa", _("xã")
        WARD = "phuong", _("phường")
        TOWNSHIP = "thi_tran", _("thị trấn")
        SPECIAL_ZONE = "dac_khu", _("đặc khu")
        HAMLET = "thon", _("thôn")
        XOM = "xom", _("xóm")
        BAN = "ban", _("bản")
        AP = "ap", _("ấp")
        RESIDENTIAL_GROUP = "to_dan_pho", _("tổ dân phố")

    LEVEL_KINDS = {
        Level.PROVINCE: {Kind.PROVINCE, Kind.CENTRAL_CITY},
        Level.DISTRICT: {Kind.CITY, Kind.DISTRICT, Kind.URBAN_DISTRICT, Kind.TOWN},
        Level.COMMUNE: {Kind.COMMUNE, Kind.WARD, Kind.TOWNSHIP, Kind.SPECIAL_ZONE},
        Level.VILLAGE: {Kind.HAMLET, Kind.XOM, Kind.BAN, Kind.AP, Kind.RESIDENTIAL_GROUP},
    }

    name = LineField(_("tên"), max_length=150)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind)
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level, db_index=True)
    code = LineField(
        _("mã đơn vị"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("Mã đơn vị hành chính chính thức, nếu có."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(
        _("hết hiệu lực từ ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày đơn vị không còn (sáp nhập, giải thể). Bỏ trống nếu còn hiệu lực."),
    )
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        help_text=_("Đơn vị tiếp nhận địa bàn sau khi sáp nhập hoặc chia tách."),
    )

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gt=F("valid_from")),
                name="institutions_administrativeunit_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
            models.UniqueConstraint(
                fields=["level", "code", "valid_from"],
                condition=~Q(code=""),
                name="institutions_administrativeunit_unique_code",
                violation_error_message=_("Đã có đơn vị cùng cấp mang mã này."),
            ),
        ]

    def __str__(self):
        """The full name, and for a unit that no longer exists until when: units of one name
        before and after the 2025 reform are told apart wherever one is chosen."""
        if self.valid_to:
            return _("%(name)s (đến %(date)s)") % {
                "name": self.full_name,
                "date": (self.valid_to - timedelta(days=1)).strftime("%d/%m/%Y"),
            }
        return self.full_name

    def get_absolute_url(self):
        return reverse("institutions:place", kwargs={"pk": self.pk})

    def clean(self):
        if self.kind and self.level and self.kind not in self.LEVEL_KINDS[self.level]:
            raise ValidationError(
                {"kind": _("Loại đơn vị này không thuộc cấp đã chọn.")}, code="kind_level"
            )
        if self.parent_id and self.level and self.parent.level >= self.level:
            raise ValidationError(
                {"parent": _("Đơn vị trực thuộc phải ở cấp cao hơn.")}, code="parent_level"
            )

    @property
    def full_name(self) -> str:
        """Name with its type word, e.g. "xã Mỹ Hiệp"; a central city is called a city."""
        if self.kind == self.Kind.CENTRAL_CITY:
            kind = _("thành phố")
        else:
            # Not get_kind_display() nor Kind.values: they rebuild every choice on each call,
            # and lists show dozens of these names.
            try:
                kind = self.Kind(self.kind).label
            except ValueError:
                kind = self.kind
        return f"{kind} {self.name}"

    @property
    def title_name(self) -> str:
        """ "Xã Mỹ Hiệp", "Tỉnh Đồng Tháp": for headings."""
        name = self.full_name
        return name[:1].upper() + name[1:]

    @property
    def label_with_period(self) -> str:
        """The name, with when it ended for a unit that no longer exists."""
        if self.valid_to:
            return _("%(name)s (đến %(date)s)") % {
                "name": self.name,
                "date": (self.valid_to - timedelta(days=1)).strftime("%d/%m/%Y"),
            }
        return self.name

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to > day
        )

    def current_units(self, day: date | None = None) -> list["AdministrativeUnit"]:
        """The unit(s) that hold this unit's area on `day` (today by default)."""
        day = day or timezone.localdate()
        if self.is_valid_on(day):
            return [self]
        found, seen, queue = [], {self.pk}, list(self.successors.all())
        while queue:
            unit = queue.pop(0)
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            if unit.is_valid_on(day):
                found.append(unit)
            else:
                queue.extend(unit.successors.all())
        return found

    def ancestors(self) -> list["AdministrativeUnit"]:
        chain, unit = [], self.parent
        while unit is not None:
            chain.insert(0, unit)
            unit = unit.parent
        return chain


def within_unit(unit_pk: int, through: str = "unit") -> Q:
    """Rows located in unit `unit_pk` or anywhere below it (the tree has four levels).

    `through` names the foreign key to the unit ("unit" for institutions); "" filters units.
    """
    lead = f"{through}__" if through else ""
    return (
        Q(**{through or "pk": unit_pk})
        | Q(**{f"{lead}parent": unit_pk})
        | Q(**{f"{lead}parent__parent": unit_pk})
        | Q(**{f"{lead}parent__parent__parent": unit_pk})
    )


class InstitutionType(models.Model):
    name = LineField(_("tên loại thiết chế"), max_length=200, unique=True)
    slug = AutoSlugField(_("đường dẫn"), max_length=200, unique=True, populate_from="name")
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    description = LineField(_("mô tả"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("loại thiết chế")
        verbose_name_plural = _("loại thiết chế")
        ordering = ["level", "order", "name"]

    def __str__(self):
        return self.name


class FacilityKind(models.Model):
    """A kind of facility counted with a unit (floor area in m², seats…): data, not schema."""

    name = LineField(_("tên"), max_length=120, unique=True)
    unit = LineField(_("đơn vị tính"), max_length=30)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("loại cơ sở vật chất")
        verbose_name_plural = _("loại cơ sở vật chất")
        ordering = ["order", "name"]

    def __str__(self):
        return f"{self.name} ({self.unit})"


phone_validator = RegexValidator(
    r"^(\+84|0)[\d .\-()]{8,14}$",
    _("Số điện thoại không hợp lệ (ví dụ: 0277 3851 234 hoặc +84 277 3851 234)."),
)

# Vietnam's mainland and islands (Hoàng Sa, Trường Sa) fall inside this box.
VIETNAM_LATITUDE = (6.0, 23.5)
VIETNAM_LONGITUDE = (102.0, 117.9)


class InstitutionQuerySet(models.QuerySet):
    def public(self):
        """What the public site shows (merged and dissolved institutions too: their pages
        keep history; an institution withdrawn by a leader not)."""
        return self.filter(is_public=True)

    def active(self):
        return self.filter(status=Institution.Status.ACTIVE)

    def needing_follow_up(self, stale_after_days: int = 365):
        """Incomplete profiles, or profiles not updated for a year."""
        incomplete = Q()
        for name in Institution.COMPLETE_FIELDS:
            field = Institution._meta.get_field(name)
            incomplete |= Q(**{f"{name}__isnull": True}) if field.null else Q(**{name: ""})
        stale = Q(updated_at__lt=timezone.now() - timedelta(days=stale_after_days))
        return self.filter(incomplete | stale)

    def at_place(self, unit):
        """What a place's page lists: a commune's institutions include its villages'
        cultural houses; a province or district lists those of its own level."""
        located = within_unit(unit.pk) if unit.level >= Level.COMMUNE else Q(unit=unit)
        return self.filter(located)

    def search(self, query: str):
        """Institutions matching `query` as the site search does (search/matching.py)."""
        words = Query.parse(query).words
        if not words:
            return self
        entries = matching(SearchEntry.objects.filter(kind="institution"), words)
        return self.filter(pk__in=entries.values("object_id"))


class Institution(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        MERGED = "merged", _("Đã sáp nhập")
        DISSOLVED = "dissolved", _("Đã giải thể")

    # Fields of the public profile: staff changes to these wait for a leader's approval.
    PROFILE_FIELDS = [
        "address",
        "opening_hours",
        "phone",
        "email",
        "website",
        "head_name",
        "head_title",
        "staff_count",
        "description",
        "latitude",
        "longitude",
    ]
    # What a complete profile has (for the leaders' follow-up list).
    COMPLETE_FIELDS = [
        "address",
        "opening_hours",
        "phone",
        "email",
        "head_name",
        "head_title",
        "description",
        "established_on",
    ]

    name = LineField(_("tên thiết chế"), max_length=255)
    slug = AutoSlugField(
        _("đường dẫn"), max_length=255, unique=True, populate_from="name", fallback="thiet-che"
    )
    type = models.ForeignKey(
        InstitutionType, verbose_name=_("loại thiết chế"), on_delete=models.PROTECT
    )
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level, db_index=True)
    unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("địa bàn"),
        on_delete=models.PROTECT,
        related_name="institutions",
        help_text=_("Đơn vị hành chính nơi thiết chế đặt trụ sở, cùng cấp với thiết chế."),
    )
    managing_body = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan quản lý"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_institutions",
        help_text=_("Bỏ trống nếu do Sở trực tiếp quản lý."),
    )
    address = LineField(_("địa chỉ"), max_length=300, blank=True)
    opening_hours = LineField(_("giờ mở cửa"), max_length=300, blank=True)
    phone = LineField(_("điện thoại"), max_length=30, blank=True, validators=[phone_validator])
    email = EmailField(_("thư điện tử"), blank=True)
    website = URLField(_("trang thông tin"), blank=True)
    head_name = LineField(_("người đứng đầu"), max_length=150, blank=True)
    head_title = LineField(_("chức vụ người đứng đầu"), max_length=150, blank=True)
    established_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=Status, default=Status.ACTIVE, db_index=True
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("thiết chế kế thừa"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
    )
    status_changed_on = models.DateField(_("ngày sáp nhập / giải thể"), null=True, blank=True)
    is_public = models.BooleanField(
        _("hiện trên trang công khai"),
        default=True,
        help_text=_(
            "Bỏ chọn để gỡ thiết chế khỏi trang công khai (ví dụ nhập nhầm, đang xác minh): "
            "hồ sơ vẫn còn trong trang quản trị."
        ),
    )
    description = ParagraphsField(_("giới thiệu"), blank=True)
    staff_count = models.PositiveIntegerField(_("số người làm việc"), null=True, blank=True)
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ cập nhật"),
        blank=True,
        related_name="institutions",
        help_text=_("Cán bộ của thiết chế được cập nhật hồ sơ và báo cáo tiến độ."),
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("lịch sử thiết chế"), excluded_fields=["updated_at"])

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("thiết chế văn hóa, thể thao")
        verbose_name_plural = _("thiết chế văn hóa, thể thao")
        # The pk breaks ties, so that pages of the directory are read from the index in order.
        ordering = ["level", "name", "pk"]
        indexes = [models.Index(fields=["level", "name", "id"], name="institutions_listing")]
        permissions = [
            ("change_any_institution", _("Có thể sửa và duyệt mọi thiết chế (lãnh đạo)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(successor=F("pk")),
                name="institutions_institution_successor_not_itself",
                violation_error_message=_("Thiết chế kế thừa không thể là chính nó."),
            ),
            models.CheckConstraint(
                condition=Q(status="active") | Q(status_changed_on__isnull=False),
                name="institutions_institution_closed_has_date",
                violation_error_message=_("Hãy nhập ngày sáp nhập hoặc giải thể."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("institutions:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.unit_id and self.level and self.unit.level != self.level:
            errors["unit"] = _(
                "Địa bàn phải cùng cấp với thiết chế (%(level)s): hãy chọn một %(kind)s."
            ) % {
                "level": self.get_level_display().lower(),
                "kind": {
                    Level.PROVINCE: _("tỉnh"),
                    Level.DISTRICT: _("huyện, quận, thị xã hoặc thành phố"),
                    Level.COMMUNE: _("xã, phường, thị trấn hoặc đặc khu"),
                    Level.VILLAGE: _("thôn, xóm, bản, ấp hoặc tổ dân phố"),
                }[self.level],
            }
        if self.type_id and self.level and self.type.level != self.level:
            errors["type"] = _("Loại thiết chế này thuộc %(level)s.") % {
                "level": self.type.get_level_display().lower()
            }
        if self.successor_id and self.successor_id == self.pk:
            errors["successor"] = _("Thiết chế kế thừa không thể là chính nó.")
        if self.status == self.Status.MERGED and not self.successor_id:
            errors["successor"] = _("Thiết chế đã sáp nhập cần có thiết chế kế thừa.")
        if self.status != self.Status.ACTIVE and not self.status_changed_on:
            errors["status_changed_on"] = _("Hãy nhập ngày sáp nhập hoặc giải thể.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Hãy nhập đủ cả vĩ độ và kinh độ.")
        if self.latitude is not None and not (
            VIETNAM_LATITUDE[0] <= float(self.latitude) <= VIETNAM_LATITUDE[1]
        ):
            errors["latitude"] = _("Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 6 đến 23,5).")
        if self.longitude is not None and not (
            VIETNAM_LONGITUDE[0] <= float(self.longitude) <= VIETNAM_LONGITUDE[1]
        ):
            errors["longitude"] = _("Kinh độ phải nằm trong lãnh thổ Việt Nam (từ 102 đến 117,9).")
        if errors:
            raise ValidationError(errors)

    @property
    def is_closed(self) -> bool:
        return self.status != self.Status.ACTIVE

    def missing_fields(self) -> list[str]:
        """Verbose names of the profile fields still empty."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.COMPLETE_FIELDS
            if getattr(self, name) in (None, "")
        ]

    def completeness(self) -> int:
        filled = len(self.COMPLETE_FIELDS) - len(self.missing_fields())
        return round(filled * 100 / len(self.COMPLETE_FIELDS))

    @property
    def phone_link(self) -> str:
        return re.sub(r"[^\d+]", "", self.phone)


class Facility(models.Model):
    """A facility of an institution, counted in its kind's unit (abstract: the public rows
    and those of a pending proposal)."""

    kind = models.ForeignKey(FacilityKind, verbose_name=_("loại"), on_delete=models.PROTECT)
    value = models.DecimalField(_("số lượng"), max_digits=12, decimal_places=2)
    note = LineField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["kind__order", "kind__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="%(app_label)s_%(class)s_value_not_negative",
                violation_error_message=_("Số lượng không được âm."),
            ),
        ]

    def __str__(self):
        return f"{self.kind.name}: {format_number(self.value)} {self.kind.unit}"


class InstitutionFacility(Facility):
    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="facilities"
    )

    class Meta(Facility.Meta):
        verbose_name = _("cơ sở vật chất")
        verbose_name_plural = _("cơ sở vật chất")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "kind"],
                name="institutions_institutionfacility_unique_kind",
                violation_error_message=_("Loại cơ sở vật chất này đã được nhập."),
            ),
            *Facility.Meta.constraints,
        ]


class InstitutionPhoto(Photo):
    institution = models.ForeignKey(
        Institution, verbose_name=_("thiết chế"), on_delete=models.CASCADE, related_name="photos"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("ảnh thiết chế")
        verbose_name_plural = _("ảnh thiết chế")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or self.image.name


class ProfileChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ProfileChange.Status.PENDING)


class ProfileChange(models.Model):
    """A proposal by an institution's staff to change its public page (text fields, photos,
    facilities), waiting for a leader. One pending proposal per institution: saving again
    amends it. What was public when it was made is kept (`previous`, `previous_photos`,
    `previous_facilities`), so that approving it cannot undo a change made since."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        RETURNED = "returned", _("Trả lại")
        WITHDRAWN = "withdrawn", _("Đã rút")
        SUPERSEDED = "superseded", _("Đã thay bằng đề nghị mới hơn")

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("thiết chế"),
        on_delete=models.CASCADE,
        related_name="profile_changes",
    )
    proposed = models.JSONField(_("nội dung đề nghị"))
    previous = models.JSONField(_("nội dung trước khi đổi"))
    previous_photos = models.JSONField(_("ảnh trước khi đổi"), default=list)
    previous_facilities = models.JSONField(_("cơ sở vật chất trước khi đổi"), default=list)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lần cuối"), auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    comment = ParagraphsField(_("ý kiến của lãnh đạo"), blank=True)

    history = HistoricalRecords(verbose_name=_("lịch sử đề nghị thay đổi hồ sơ"))

    objects = ProfileChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("thay đổi hồ sơ chờ duyệt")
        verbose_name_plural = _("thay đổi hồ sơ chờ duyệt")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution"],
                condition=Q(status="pending"),
                name="institutions_profilechange_one_pending",
                violation_error_message=_(
                    "Thiết chế này đã có một đề nghị thay đổi đang chờ duyệt."
                ),
            ),
        ]

    def __str__(self):
        return _("Thay đổi hồ sơ %(institution)s") % {"institution": self.institution}

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class ProposedPhoto(Photo):
    """A photo as a pending proposal would have it: a new one, or one of the public photos
    (`source`) with its caption, alt text, order or image changed."""

    institution = models.ForeignKey(
        Institution, verbose_name=_("thiết chế"), on_delete=models.CASCADE, related_name="+"
    )
    change = models.ForeignKey(
        ProfileChange,
        verbose_name=_("đề nghị"),
        on_delete=models.CASCADE,
        related_name="photos",
        null=True,
    )
    source = models.ForeignKey(
        InstitutionPhoto,
        verbose_name=_("ảnh đang công khai"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("ảnh đề nghị")
        verbose_name_plural = _("ảnh đề nghị")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or self.image.name


class ProposedFacility(Facility):
    """A facility row as a pending proposal would have it."""

    institution = models.ForeignKey(
        Institution, verbose_name=_("thiết chế"), on_delete=models.CASCADE, related_name="+"
    )
    change = models.ForeignKey(
        ProfileChange,
        verbose_name=_("đề nghị"),
        on_delete=models.CASCADE,
        related_name="facilities",
        null=True,
    )

    class Meta(Facility.Meta):
        verbose_name = _("cơ sở vật chất đề nghị")
        verbose_name_plural = _("cơ sở vật chất đề nghị")
        constraints = [
            models.UniqueConstraint(
                fields=["change", "kind"],
                name="institutions_proposedfacility_unique_kind",
                violation_error_message=_("Loại cơ sở vật chất này đã được nhập."),
            ),
            *Facility.Meta.constraints,
        ]


class Assessment(models.Model):
    """A leader's yearly assessment of an institution."""

    class Rating(models.TextChoices):
        EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
        GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
        DONE = "done", _("Hoàn thành nhiệm vụ")
        NOT_DONE = "not_done", _("Không hoàn thành nhiệm vụ")

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("thiết chế"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=20, choices=Rating)
    comments = ParagraphsField(_("nhận xét"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đánh giá"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    assessed_at = models.DateTimeField(_("ngày đánh giá"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("lịch sử đánh giá"))

    class Meta:
        verbose_name = _("đánh giá hằng năm")
        verbose_name_plural = _("đánh giá hằng năm")
        ordering = ["-year", "-assessed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1945) & Q(year__lte=2100),
                name="institutions_assessment_year_range",
                violation_error_message=_("Năm đánh giá không hợp lệ."),
            ),
            models.UniqueConstraint(
                fields=["institution", "year"],
                name="institutions_assessment_one_per_year",
                violation_error_message=_(
                    "Thiết chế này đã có đánh giá của năm đó: hãy sửa đánh giá đã có."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.institution} – {self.year}: {self.get_rating_display()}"
