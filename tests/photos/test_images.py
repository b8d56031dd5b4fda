import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from photos.images import clean_photo, rendition_name
from tests.factories import ArticlePhotoFactory, jpeg_file


def upload(data: bytes, name="anh.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def encode(image: Image.Image, fmt: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt, extension", [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_accepts_real_photos(fmt, extension):
    cleaned = clean_photo(upload(encode(Image.new("RGB", (300, 200), "red"), fmt)))
    assert cleaned.name.endswith(f".{extension}")
    assert Image.open(io.BytesIO(cleaned.read())).size == (300, 200)


def test_removes_exif_including_gps_and_applies_orientation():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (10.0, 30.0, 0.0)}  # GPSInfo
    exif[0x010F] = "Máy ảnh"
    data = encode(Image.new("RGB", (400, 200), "blue"), "JPEG", exif=exif)
    assert Image.open(io.BytesIO(data)).getexif().get(0x8825)
    cleaned = Image.open(io.BytesIO(clean_photo(upload(data)).read()))
    assert cleaned.size == (200, 400)
    assert not cleaned.getexif()


def test_stored_name_is_generated_not_the_uploaders():
    cleaned = clean_photo(upload(encode(Image.new("RGB", (10, 10)), "PNG"), name="../../x.php"))
    assert ".." not in cleaned.name and not cleaned.name.endswith(".php")


@pytest.mark.parametrize(
    "data, name, content_type",
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "a.svg",
            "image/svg+xml",
        ),
        (b"<html><script>alert(1)</script></html>", "anh.jpg", "image/jpeg"),
        (b"GIF89a" + b"\x00" * 50, "anh.gif", "image/gif"),
        (b"", "rong.jpg", "image/jpeg"),
        (b"%PDF-1.4 not an image", "anh.png", "image/png"),
    ],
)
def test_refuses_what_is_not_a_jpeg_png_or_webp(data, name, content_type):
    with pytest.raises(ValidationError) as error:
        clean_photo(upload(data, name, content_type))
    assert "ảnh" in str(error.value).lower() or "tệp" in str(error.value).lower()


def test_refuses_a_gif_even_when_it_is_a_valid_image():
    with pytest.raises(ValidationError, match="JPEG, PNG hoặc WebP"):
        clean_photo(upload(encode(Image.new("RGB", (10, 10)), "GIF"), "anh.gif"))


def test_refuses_a_truncated_jpeg():
    data = encode(Image.effect_noise((600, 400), 60).convert("RGB"), "JPEG")
    with pytest.raises(ValidationError, match="hỏng"):
        clean_photo(upload(data[: len(data) // 2]))


def test_refuses_a_file_over_the_size_limit(settings):
    settings.PHOTO_MAX_BYTES = 1000
    data = encode(Image.effect_noise((300, 300), 80).convert("RGB"), "JPEG")
    with pytest.raises(ValidationError, match="quá lớn"):
        clean_photo(upload(data))


def test_refuses_a_decompression_bomb(settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    data = encode(Image.new("L", (4000, 4000)), "PNG", optimize=True)
    assert len(data) < 100_000  # tiny file, huge image
    with pytest.raises(ValidationError, match="điểm ảnh"):
        clean_photo(upload(data, "bom.png", "image/png"))


@pytest.mark.django_db
def test_renditions_are_made_in_webp_and_jpeg_without_upscaling():
    photo = ArticlePhotoFactory(image=jpeg_file(width=700, height=350))
    assert photo.renditions["widths"] == [320, 640, 700]
    storage = photo.image.storage
    for width in (320, 640, 700):
        for extension in ("jpg", "webp"):
            name = photo.image.name.rsplit(".", 1)[0] + f"_w{width}.{extension}"
            assert storage.exists(name)
            with storage.open(name) as handle:
                assert Image.open(handle).size[0] == width
    assert "320w" in photo.srcset_webp and ".webp" in photo.srcset_webp
    assert photo.src(1024).endswith("_w700.jpg")


@pytest.mark.django_db
@pytest.mark.parametrize("name", [None, "photos/2019/ảnh cũ (1).jpg", "photos/a b/c%20d.png"])
def test_rendition_urls_are_the_storages(name):
    photo = ArticlePhotoFactory(image=jpeg_file(1200, 800))
    if name:
        photo = type(photo).objects.get(pk=photo.pk)
        photo.image.name = name
    storage = photo.image.storage
    for width in photo.renditions["widths"]:
        for extension in ("jpg", "webp"):
            expected = storage.url(rendition_name(photo.image.name, width, extension))
            assert photo.rendition_url(width, extension) == expected
    assert photo.srcset_webp.count(" ") == 2 * len(photo.renditions["widths"]) - 1


def test_refuses_a_photo_of_more_pixels_than_a_camera_makes_by_default():
    """The default limit: a 7000 × 7000 image (a 160 KB PNG) costs seconds and hundreds of
    megabytes to decode, re-encode and resize; today's cameras and phones stay under it."""
    data = encode(Image.new("RGB", (7000, 7000), "white"), "PNG")
    assert len(data) < 200_000
    with pytest.raises(ValidationError) as error:
        clean_photo(upload(data, "anh.png", "image/png"))
    assert "7000 × 7000" in str(error.value) and "25 triệu điểm ảnh" in str(error.value)
    phone = encode(Image.new("RGB", (5712, 4284), "white"), "JPEG")  # a 24 MP phone photo
    assert Image.open(io.BytesIO(clean_photo(upload(phone)).read())).size == (5712, 4284)


def test_refuses_a_jpeg_of_very_many_scans():
    """Each scan of a progressive JPEG is decoded over the whole image: thousands of tiny
    scans make a small file cost minutes, whatever its pixel count."""
    data = encode(Image.effect_noise((400, 300), 40).convert("RGB"), "JPEG", progressive=True)
    starts = [i for i in range(len(data) - 1) if data[i : i + 2] == b"\xff\xda"]
    smallest = min(
        (data[a:b] for a, b in zip(starts[1:], [*starts[2:], len(data) - 2], strict=True)),
        key=len,
    )
    crafted = data[:-2] + smallest * 300 + b"\xff\xd9"
    assert Image.open(io.BytesIO(crafted)).size == (400, 300)  # Pillow would decode it
    with pytest.raises(ValidationError, match="lớp quét"):
        clean_photo(upload(crafted))


@pytest.mark.django_db
def test_renditions_made_one_from_another_look_as_if_made_from_the_photo():
    """Each rendition is resized from the next larger one, and a JPEG is decoded at a
    reduced scale (cheaper than resizing the whole photo for each): the result is as close to
    a resize of the whole photo as that resize, encoded the same way, is."""
    from PIL import ImageChops, ImageDraw, ImageStat

    gradient = Image.linear_gradient("L").resize((3600, 2400))  # decoded at half scale
    source = Image.merge("RGB", [gradient, gradient.rotate(180), gradient.transpose(0)])
    draw = ImageDraw.Draw(source)
    for n in range(40):  # edges and fine lines, as buildings and banners in a photo
        draw.line([(n * 90, 0), (3600 - n * 75, 2400)], fill=(n * 6, 255 - n * 6, 90), width=3)
        draw.ellipse([n * 55, n * 35, n * 55 + 120, n * 35 + 80], outline=(250, 250, 250))
    photo = ArticlePhotoFactory(image=ContentFile(encode(source, "JPEG", quality=95), "a.jpg"))
    storage = photo.image.storage
    with storage.open(photo.image.name) as handle:
        full = Image.open(handle).convert("RGB")
        full.load()

    def error(image, reference):
        return max(ImageStat.Stat(ImageChops.difference(image, reference)).mean)

    for width in photo.renditions["widths"]:
        with storage.open(rendition_name(photo.image.name, width, "jpg")) as handle:
            made = Image.open(handle).convert("RGB")
            made.load()
        direct = full.resize(made.size, Image.Resampling.LANCZOS)
        plain = Image.open(io.BytesIO(encode(direct, "JPEG", quality=82, optimize=True)))
        assert error(made, direct) < error(plain.convert("RGB"), direct) + 1, width
