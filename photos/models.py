"""The photo base model: an uploaded image checked and cleaned, with resized renditions."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from photos.images import build_renditions, clean_photo, rendition_name
from vietnamese.fields import LineField


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
    """An image checked and cleaned on upload (`clean_photo`), stored with its renditions.

    Renditions are files derived from the stored image: made when the image is stored or
    replaced, and recorded in the model's `renditions` before the row is written.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = super().pre_save(model_instance, add)
        if file and model_instance.renditions.get("source") != file.name:
            model_instance.renditions = build_renditions(file.name, file.storage)
        return file


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
    caption = LineField(_("chú thích"), max_length=500, blank=True)
    alt_text = LineField(
        _("mô tả ảnh (alt)"),
        max_length=255,
        blank=True,
        help_text=_("Mô tả ngắn nội dung ảnh cho người khiếm thị. Bỏ trống sẽ dùng chú thích."),
    )
    renditions = models.JSONField(_("các cỡ ảnh"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def alt(self) -> str:
        return self.alt_text or self.caption

    def rendition_url(self, width: int, extension: str = "jpg") -> str:
        return self.image.storage.url(rendition_name(self.image.name, width, extension))

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
