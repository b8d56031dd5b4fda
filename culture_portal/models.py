from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from culture_portal.images import build_renditions, clean_photo, rendition_name, storage_url
from culture_portal.text import normalize_text


class PhotoFormField(forms.ImageField):
    """An image upload checked and cleaned by `clean_photo` (content, size, pixels, EXIF)."""

    default_error_messages = {
        "invalid_image": _(
            "Tệp này không phải là ảnh hợp lệ hoặc đã bị hỏng. Hãy chọn ảnh JPEG, PNG hoặc WebP."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(**kwargs)

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return clean_photo(data)


class PhotoField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})


class Photo(models.Model):
    """A stored photo with caption, alt text and resized renditions (abstract)."""

    image = PhotoField(
        _("ảnh"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_("Ảnh JPEG, PNG hoặc WebP. Thông tin EXIF (kể cả vị trí GPS) sẽ được xoá."),
    )
    width = models.PositiveIntegerField(_("chiều rộng"), default=0, editable=False)
    height = models.PositiveIntegerField(_("chiều cao"), default=0, editable=False)
    caption = models.CharField(_("chú thích"), max_length=500, blank=True)
    alt_text = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=255,
        blank=True,
        help_text=_("Mô tả ngắn nội dung ảnh cho người khiếm thị. Bỏ trống sẽ dùng chú thích."),
    )
    renditions = models.JSONField(_("các cỡ ảnh"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Renditions are derived files of the stored image: (re)made whenever it changes.
        self.caption = normalize_text(self.caption)
        self.alt_text = normalize_text(self.alt_text)
        super().save(*args, **kwargs)
        self.__dict__.pop("_rendition_base", None)  # the image may have changed
        if self.image and self.renditions.get("source") != self.image.name:
            self.renditions = build_renditions(self.image.name, self.image.storage)
            type(self).objects.filter(pk=self.pk).update(renditions=self.renditions)

    @property
    def alt(self) -> str:
        return self.alt_text or self.caption

    @cached_property
    def _rendition_base(self) -> str | None:
        """The renditions' URL without its `_w<width>.<ext>` ending, where a URL is the
        storage's address plus the name (a folder): a card's two srcsets are ten URLs."""
        image = self.image
        if not isinstance(image.storage, FileSystemStorage):
            return None
        url = storage_url(image.storage, rendition_name(image.name, 0, "x"))
        return url[: -len("_w0.x")] if url.endswith("_w0.x") else None

    def rendition_url(self, width: int, extension: str = "jpg") -> str:
        base = self._rendition_base
        if base is not None:
            return f"{base}_w{width}.{extension}"
        return storage_url(self.image.storage, rendition_name(self.image.name, width, extension))

    def srcset(self, extension: str = "jpg") -> str:
        url = self.rendition_url
        return ", ".join(f"{url(w, extension)} {w}w" for w in self.renditions.get("widths", []))

    @property
    def srcset_webp(self) -> str:
        return self.srcset("webp")

    @property
    def srcset_jpg(self) -> str:
        return self.srcset("jpg")

    def src(self, wanted: int = 1024) -> str:
        widths = self.renditions.get("widths") or []
        if not widths:
            return self.image.url
        fitting = [w for w in widths if w <= wanted]
        return self.rendition_url(max(fitting) if fitting else min(widths), "jpg")

    @property
    def src_default(self) -> str:
        return self.src(1024)

    @property
    def display_height(self) -> int:
        """Height matching `display_width`, for width/height attributes (no layout shift)."""
        return self.renditions.get("height") or self.height

    @property
    def display_width(self) -> int:
        return self.renditions.get("width") or self.width


class SiteIdentity(models.Model):
    """The agency's identity, shown in the header and footer (one row, edited in the admin)."""

    CACHE_KEY = "site-identity"

    name = models.CharField(
        _("tên cơ quan"), max_length=255, default="Sở Văn hóa, Thể thao và Du lịch"
    )
    parent_agency = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True, default="Ủy ban nhân dân tỉnh"
    )
    portal_name = models.CharField(
        _("tên cổng thông tin"), max_length=255, default="Cổng thông tin điện tử"
    )
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    hotline = models.CharField(_("đường dây nóng"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    content_responsible = models.CharField(
        _("người chịu trách nhiệm nội dung"),
        max_length=255,
        blank=True,
        help_text=_("Họ tên và chức vụ, ví dụ: Nguyễn Văn A – Phó Giám đốc Sở."),
    )
    license_text = models.CharField(
        _("giấy phép"),
        max_length=500,
        blank=True,
        help_text=_("Số giấy phép thiết lập trang thông tin điện tử, nếu có."),
    )
    description = models.CharField(
        _("mô tả ngắn"),
        max_length=300,
        blank=True,
        help_text=_("Dùng cho công cụ tìm kiếm và khi chia sẻ liên kết."),
    )

    class Meta:
        verbose_name = _("thông tin cơ quan")
        verbose_name_plural = _("thông tin cơ quan")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    @classmethod
    def load(cls) -> "SiteIdentity":
        identity = cache.get(cls.CACHE_KEY)
        if identity is None:
            identity = cls.objects.filter(pk=1).first() or cls(pk=1)
            cache.set(cls.CACHE_KEY, identity, 300)
        return identity


class AuditEvent(models.Model):
    """Who published, unpublished, approved, verified, deleted or restored what, and when."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Đăng tin")
        SCHEDULED = "scheduled", _("Hẹn giờ đăng tin")
        UNPUBLISHED = "unpublished", _("Gỡ tin")
        APPROVED = "approved", _("Phê duyệt")
        RETURNED = "returned", _("Trả lại")
        VERIFIED = "verified", _("Xác nhận")
        CLOSED = "closed", _("Khép lại")
        DELETED = "deleted", _("Xoá")
        RESTORED = "restored", _("Khôi phục")

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=20, choices=Action, db_index=True)
    object_type = models.CharField(_("loại"), max_length=100)
    object_id = models.CharField(_("mã"), max_length=40)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    detail = models.TextField(_("chi tiết"), blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.object_repr}"


class SearchEntry(models.Model):
    """One published article or one institution, as the site search sees it.

    Kept in step with its source by culture_portal/search_index.py (signals); rebuilt by
    `manage.py rebuild_search_index`. Narrow on purpose: the long columns are read only for
    the page of results shown.
    """

    class Kind(models.TextChoices):
        NEWS = "news", _("Tin tức")
        INSTITUTION = "institution", _("Thiết chế")

    page_cache_ignore = True  # its sources' saves already renew cached pages

    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    object_id = models.PositiveIntegerField()
    title = models.CharField(_("tiêu đề"), max_length=300)
    url = models.CharField(max_length=400)
    date = models.DateTimeField(
        _("thời gian"), help_text=_("Thời gian đăng tin; lần cập nhật cuối của thiết chế.")
    )
    label = models.CharField(
        _("nhãn"), max_length=300, blank=True, help_text=_("Chuyên mục, hoặc địa bàn.")
    )
    text = models.TextField(_("nội dung"), blank=True)
    title_tokens = models.TextField(default="")
    tokens = models.TextField(default="")

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["-date"], name="search_entry_date")]

    def __str__(self):
        return self.title
