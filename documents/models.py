"""The register of the department's legal and administrative documents (văn bản)."""

from datetime import date
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from documents import numbering
from documents.files import CONTENT_TYPES, DocumentFileField, document_file_name
from search.matching import Query, matching
from search.models import SearchEntry
from vietnamese.fields import AutoSlugField, LineField, ParagraphsField

# Paths under /van-ban/ that a document's slug must not take.
RESERVED_SLUGS = {"rss", "tep"}


class DocumentType(models.Model):
    """Quyết định, Kế hoạch, Công văn…: managed by the office in the admin."""

    name = LineField(_("tên loại văn bản"), max_length=100, unique=True)
    slug = AutoSlugField(_("đường dẫn"), max_length=100, unique=True, populate_from="name")
    abbreviation = LineField(
        _("chữ viết tắt"),
        max_length=10,
        blank=True,
        help_text=_(
            "Chữ viết tắt trong ký hiệu văn bản (QĐ, KH, TB, CT…). Bỏ trống với công văn: "
            "ký hiệu công văn bắt đầu bằng chữ viết tắt tên cơ quan."
        ),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Field(models.Model):
    """A field of the department's work (lĩnh vực): documents and procedures are filed
    under one."""

    name = LineField(_("tên lĩnh vực"), max_length=150, unique=True)
    slug = AutoSlugField(_("đường dẫn"), max_length=150, unique=True, populate_from="name")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Issuer(models.Model):
    """The body that issues documents: the department itself, the provincial People's
    Committee, the Ministry…"""

    name = LineField(_("tên cơ quan ban hành"), max_length=200, unique=True)
    slug = AutoSlugField(_("đường dẫn"), max_length=200, unique=True, populate_from="name")
    abbreviation = LineField(
        _("chữ viết tắt"),
        max_length=20,
        help_text=_("Như trong ký hiệu văn bản: SVHTTDL, UBND, BVHTTDL…"),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class NumberKeyField(models.CharField):
    """The document's number and symbol as matched (`numbering.number_key`), kept in step
    with it whoever saves."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("max_length", 80)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = numbering.number_key(model_instance.number_symbol)
        setattr(model_instance, self.attname, value)
        return value


class IssuedYearField(models.PositiveSmallIntegerField):
    """The year of the date issued: a number and symbol is unique within it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = model_instance.issued_on.year
        setattr(model_instance, self.attname, value)
        return value


class DocumentQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("type", "issuer", "field").prefetch_related("files")

    def in_force(self):
        return self.filter(status=Document.Status.IN_FORCE)

    def by_number(self, query: str):
        """Documents whose number and symbol is `query` however typed; a number and symbol
        without its year ("12/QĐ" of any year) or only its beginning ("12 QĐ") finds all
        that start so."""
        key = numbering.number_key(query)
        return self.filter(Q(number_key=key) | Q(number_key__startswith=f"{key} "))

    def search(self, query: str):
        """Documents found by their number and symbol, or by words of their abstract, type,
        issuer, signer and field as the site search matches them (search/matching.py)."""
        if numbering.looks_like_number(query):
            found = self.by_number(query)
            if found.exists():
                return found
        words = Query.parse(query).words
        if not words:
            return self
        entries = matching(SearchEntry.objects.filter(kind="document"), words)
        return self.filter(pk__in=entries.values("object_id"))


class Document(models.Model):
    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("Còn hiệu lực")
        EXPIRED = "expired", _("Hết hiệu lực")
        REPLACED = "replaced", _("Bị thay thế")
        AMENDED = "amended", _("Được sửa đổi, bổ sung")

    type = models.ForeignKey(
        DocumentType,
        verbose_name=_("loại văn bản"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    number_symbol = LineField(
        _("số, ký hiệu"),
        max_length=60,
        help_text=_(
            "Như trên văn bản, ví dụ 12/QĐ-SVHTTDL, 123/SVHTTDL-VP hoặc 15/2025/QĐ-UBND. "
            "Số nhỏ hơn 10 được ghi thêm số 0 phía trước."
        ),
    )
    number_key = NumberKeyField(_("khoá tra cứu số hiệu"))
    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    field = models.ForeignKey(
        Field,
        verbose_name=_("lĩnh vực"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    abstract = ParagraphsField(
        _("trích yếu"), help_text=_("Trích yếu nội dung, như ghi dưới số, ký hiệu văn bản.")
    )
    signer = LineField(_("người ký"), max_length=150)
    signer_title = LineField(
        _("chức vụ người ký"), max_length=150, blank=True, help_text=_("Ví dụ: Giám đốc.")
    )
    issued_on = models.DateField(_("ngày ban hành"))
    year = IssuedYearField(_("năm ban hành"))
    effective_on = models.DateField(
        _("ngày có hiệu lực"),
        null=True,
        blank=True,
        help_text=_("Bỏ trống với văn bản không quy định ngày hiệu lực (công văn, thông báo)."),
    )
    status = models.CharField(
        _("tình trạng hiệu lực"),
        max_length=20,
        choices=Status,
        default=Status.IN_FORCE,
        db_index=True,
    )
    ended_on = models.DateField(
        _("hết hiệu lực từ ngày"),
        null=True,
        blank=True,
        help_text=_("Với văn bản hết hiệu lực hoặc bị thay thế."),
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("bị thay thế bởi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
        help_text=_("Văn bản thay thế văn bản này (tình trạng “Bị thay thế”)."),
    )
    amended_by = models.ManyToManyField(
        "self",
        verbose_name=_("được sửa đổi, bổ sung bởi"),
        symmetrical=False,
        blank=True,
        related_name="amends",
        help_text=_("Các văn bản sửa đổi, bổ sung văn bản này."),
    )
    slug = AutoSlugField(
        _("đường dẫn"),
        max_length=120,
        unique=True,
        populate_from="slug_source",
        fallback="van-ban",
        reserved=RESERVED_SLUGS,
        reserved_suffix="van-ban",
        help_text=_("Tạo tự động từ số, ký hiệu và năm."),
    )
    created_at = models.DateTimeField(_("ngày nhập"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    history = HistoricalRecords(
        verbose_name=_("lịch sử văn bản"), excluded_fields=["updated_at"], m2m_fields=[]
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["-issued_on", "-id"], name="documents_document_listing")]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "number_key"],
                name="documents_document_unique_number",
                violation_error_message=_(
                    "Cơ quan này đã có văn bản mang số, ký hiệu này trong năm ban hành."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status="replaced") | Q(replaced_by__isnull=False),
                name="documents_document_replaced_has_replacement",
                violation_error_message=_("Văn bản bị thay thế cần có văn bản thay thế."),
            ),
            models.CheckConstraint(
                condition=~Q(replaced_by=F("pk")),
                name="documents_document_not_replaced_by_itself",
                violation_error_message=_("Văn bản không thể thay thế chính nó."),
            ),
            models.CheckConstraint(
                condition=Q(effective_on__isnull=True) | Q(effective_on__gte=F("issued_on")),
                name="documents_document_effective_after_issue",
                violation_error_message=_("Ngày có hiệu lực không thể trước ngày ban hành."),
            ),
        ]

    def __str__(self):
        return f"{self.type.name} {self.number_symbol}" if self.type_id else self.number_symbol

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})

    @property
    def slug_source(self) -> str:
        year = f" {self.issued_on.year}" if self.issued_on else ""
        return f"{numbering.spaced(self.number_symbol)}{year}"

    def clean(self):
        errors = {}
        parsed = numbering.parse(self.number_symbol or "")
        if self.number_symbol and parsed is None:
            errors["number_symbol"] = _(
                "Số, ký hiệu chưa đúng mẫu: số, dấu gạch chéo, rồi ký hiệu viết hoa nối "
                "bằng dấu gạch ngang, ví dụ 12/QĐ-SVHTTDL hoặc 123/SVHTTDL-VP."
            )
        elif parsed is not None:
            self.number_symbol = str(parsed)
            problem = self.number_symbol_problem(parsed)
            if problem:
                errors["number_symbol"] = problem
        if self.status == self.Status.REPLACED and not self.replaced_by_id:
            errors["replaced_by"] = _("Hãy chọn văn bản thay thế văn bản này.")
        if self.replaced_by_id and self.status != self.Status.REPLACED:
            errors["status"] = _("Văn bản đã có văn bản thay thế: tình trạng là “Bị thay thế”.")
        if self.replaced_by_id and self.pk and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("Văn bản không thể thay thế chính nó.")
        if self.status in (self.Status.EXPIRED, self.Status.REPLACED) and not self.ended_on:
            errors["ended_on"] = _("Hãy nhập ngày văn bản hết hiệu lực.")
        if self.ended_on and self.issued_on and self.ended_on < self.issued_on:
            errors["ended_on"] = _("Ngày hết hiệu lực không thể trước ngày ban hành.")
        if self.issued_on and self.issued_on > timezone.localdate():
            errors["issued_on"] = _("Ngày ban hành không thể sau hôm nay.")
        if errors:
            raise ValidationError(errors)
        self.check_unique_number()

    def number_symbol_problem(self, parsed: numbering.NumberSymbol) -> str:
        """What is wrong with a well-formed number and symbol for this document's type,
        issuer and date, or ""."""
        if parsed.number == 0:
            return _("Số văn bản bắt đầu từ 01.")
        if parsed.year and self.issued_on and parsed.year != self.issued_on.year:
            return _("Năm trong số, ký hiệu (%(year)s) khác năm ban hành.") % {"year": parsed.year}
        parts = parsed.parts
        abbreviation = self.type.abbreviation if self.type_id else ""
        if abbreviation and parts[0] != abbreviation:
            return _("Ký hiệu của %(type)s bắt đầu bằng “%(abbr)s-”, ví dụ %(example)s.") % {
                "type": self.type.name.lower(),
                "abbr": abbreviation,
                "example": f"{parsed.number:02d}/{abbreviation}-{parts[-1]}",
            }
        if self.type_id and not abbreviation and len(parts) < 2:
            return _(
                "Ký hiệu công văn gồm chữ viết tắt tên cơ quan và tên đơn vị soạn thảo, "
                "ví dụ 123/SVHTTDL-VP."
            )
        if self.issuer_id and self.issuer.abbreviation not in parts:
            return _("Ký hiệu không có chữ viết tắt của %(issuer)s (%(abbr)s).") % {
                "issuer": self.issuer.name,
                "abbr": self.issuer.abbreviation,
            }
        return ""

    def check_unique_number(self):
        """The database's uniqueness, checked before the save so the form can say so (the
        columns it holds on are derived when saved)."""
        if not (self.issuer_id and self.issued_on and self.number_symbol):
            return
        clash = (
            Document.objects.filter(
                issuer_id=self.issuer_id,
                year=self.issued_on.year,
                number_key=numbering.number_key(self.number_symbol),
            )
            .exclude(pk=self.pk)
            .first()
        )
        if clash:
            raise ValidationError(
                {
                    "number_symbol": _(
                        "%(issuer)s đã có văn bản số %(number)s trong năm %(year)s: %(existing)s."
                    )
                    % {
                        "issuer": self.issuer.name,
                        "number": clash.number_symbol,
                        "year": self.issued_on.year,
                        "existing": clash.abstract[:120],
                    }
                }
            )

    def is_in_force_on(self, day: date) -> bool:
        if self.status not in (self.Status.IN_FORCE, self.Status.AMENDED):
            return False
        return self.effective_on is None or self.effective_on <= day

    @property
    def not_yet_effective(self) -> bool:
        return self.effective_on is not None and self.effective_on > timezone.localdate()

    @property
    def status_label(self) -> str:
        if self.status in (self.Status.IN_FORCE, self.Status.AMENDED) and self.not_yet_effective:
            return _("Chưa có hiệu lực")
        return self.get_status_display()


class AttachedFile(models.Model):
    """A file attached to a document or a draft: PDF, DOC or DOCX, checked by its content
    when uploaded (documents/files.py), named by its title or by the kind's default."""

    default_title = ""

    # Each kind declares `file`, then `size` (the file field writes the size when it saves,
    # so the size comes after it among the fields), and `title`.
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or str(self.default_title)

    @property
    def format(self) -> str:
        """pdf, doc or docx: the stored name's extension, which the upload's check set from
        the content."""
        return PurePath(self.file.name).suffix.lower().lstrip(".")

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES.get(self.format, "application/octet-stream")


class DocumentFile(AttachedFile):
    """A file of a document (the signed text, an annex)."""

    default_title = _("Toàn văn")

    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="files"
    )
    file = DocumentFileField(
        _("tệp"),
        upload_to=document_file_name,
        max_length=200,
        help_text=_("PDF, DOC hoặc DOCX; PDF không được chứa mã lệnh, DOCX không chứa macro."),
    )
    title = LineField(
        _("tên tệp"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Toàn văn, Phụ lục. Bỏ trống: “Toàn văn”."),
    )
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0, editable=False)

    history = HistoricalRecords(verbose_name=_("lịch sử tệp văn bản"))

    class Meta(AttachedFile.Meta):
        verbose_name = _("tệp văn bản")
        verbose_name_plural = _("tệp văn bản")

    def get_absolute_url(self):
        return reverse("documents:file", kwargs={"slug": self.document.slug, "pk": self.pk})
