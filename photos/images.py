"""Photo uploads: checked with Pillow, cleaned of EXIF, stored with resized renditions.

Every photo of the portal (news, institutions) goes through `clean_photo` before it is stored
and `build_renditions` after, so pages can offer a `srcset` of small to large files in WebP
and JPEG and a phone downloads only the size it needs.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
JPEG_MAX_SCANS = 100


def clean_photo(uploaded) -> ContentFile:
    """Return the upload re-encoded without metadata, or raise ValidationError in Vietnamese.

    Judged from the content, never from the file name or the browser's content type.
    """
    size = getattr(uploaded, "size", None)
    if size is not None and size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            _("Ảnh quá lớn (%(size)s). Dung lượng tối đa là %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(settings.PHOTO_MAX_BYTES)},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("Tệp ảnh rỗng."), code="empty")
    uploaded.seek(0)
    data = uploaded.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Chỉ nhận ảnh JPEG, PNG hoặc WebP (tệp này là %(format)s).")
                    % {"format": image_format or _("không rõ định dạng")},
                    code="format",
                )
            width, height = image.size
            if width * height > settings.PHOTO_MAX_PIXELS:
                raise ValidationError(
                    _(
                        "Ảnh có quá nhiều điểm ảnh (%(w)s × %(h)s). Tối đa %(max)s triệu điểm "
                        "ảnh: hãy thu nhỏ ảnh (ví dụ còn 6000 × 4000) rồi tải lên lại."
                    )
                    % {"w": width, "h": height, "max": settings.PHOTO_MAX_PIXELS // 1_000_000},
                    code="too_many_pixels",
                )
            # Each scan of a progressive JPEG is decoded over the whole image (a camera's
            # JPEG has at most about 10); an SOS marker occurs nowhere else in its data.
            scans = data.count(b"\xff\xda") if image_format == "JPEG" else 0
            if scans > JPEG_MAX_SCANS:
                raise ValidationError(
                    _(
                        "Ảnh JPEG này có quá nhiều lớp quét (%(scans)s; tối đa %(max)s), không "
                        "xử lý an toàn được. Hãy lưu lại ảnh thành JPEG thông thường rồi tải lên."
                    )
                    % {"scans": scans, "max": JPEG_MAX_SCANS},
                    code="too_many_scans",
                )
            image.load()
            ImageOps.exif_transpose(image, in_place=True)  # a copy only when it turns
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Ảnh có quá nhiều điểm ảnh, không thể xử lý an toàn. Tối đa %(max)s triệu điểm ảnh.")
            % {"max": settings.PHOTO_MAX_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise ValidationError(
            _(
                "Tệp này không phải là ảnh hợp lệ hoặc đã bị hỏng. "
                "Hãy chọn một ảnh JPEG, PNG hoặc WebP."
            ),
            code="invalid",
        ) from None
    if min(image.size) < 1:
        raise ValidationError(_("Ảnh không có kích thước hợp lệ."), code="invalid")

    output = io.BytesIO()
    extension = ALLOWED_FORMATS[image_format]
    if image_format == "JPEG":
        if image.mode != "RGB":
            image = image.convert("RGB")
        image.save(output, "JPEG", quality=88, optimize=True, progressive=True)
    elif image_format == "PNG":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(output, "PNG", optimize=True)
    else:
        image.save(output, "WEBP", quality=88)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def rendition_name(source_name: str, width: int, extension: str) -> str:
    """`dir/name.jpg` → `dir/name_w640.webp` (string operations: called for every image URL
    of every page rendered)."""
    folder, slash, filename = source_name.rpartition("/")
    dot = filename.rfind(".")
    stem = filename[:dot] if dot > 0 else filename
    return f"{folder}{slash}{stem}_w{width}.{extension}"


def build_renditions(source_name: str, storage: Storage) -> dict:
    """Write resized WebP and JPEG files beside the source; return what was made.

    Widths wider than the source are not made; the source's own width is always available
    as the largest rendition so that `srcset` never upscales.
    """
    with storage.open(source_name, "rb") as handle:
        image = Image.open(handle)
        source_width, source_height = image.size
        largest = min(source_width, max(settings.PHOTO_RENDITION_WIDTHS))
        # A JPEG is decoded at the smallest scale still as large as the largest rendition.
        image.draft(image.mode, (largest, round(source_height * largest / source_width)))
        image.load()
    widths = [w for w in settings.PHOTO_RENDITION_WIDTHS if w < source_width]
    widths.append(largest)
    has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
    # Largest first, each from the one before: the full image is resized once.
    for width in sorted(set(widths), reverse=True):
        height = max(1, round(source_height * width / source_width))
        image = resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for extension, image_format in RENDITION_FORMATS.items():
            buffer = io.BytesIO()
            if image_format == "JPEG":
                frame = resized
                if has_alpha:
                    frame = Image.new("RGB", resized.size, "white")
                    frame.paste(resized, mask=resized.convert("RGBA").getchannel("A"))
                frame.convert("RGB").save(
                    buffer, "JPEG", quality=82, optimize=True, progressive=True
                )
            else:
                resized.save(buffer, "WEBP", quality=80, method=4)
            name = rendition_name(source_name, width, extension)
            if storage.exists(name):
                storage.delete(name)
            storage.save(name, ContentFile(buffer.getvalue()))
    return {
        "source": source_name,
        "width": source_width,
        "height": source_height,
        "widths": sorted(set(widths)),
    }
