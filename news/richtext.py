"""Article bodies: the field that stores them sanitised, splitting them into blocks, and the
photos the body editor places in them."""

import re
from functools import cache
from html.parser import HTMLParser

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django_prose_editor.fields import ProseEditorField, create_sanitizer

from vietnamese.text import clean_stored_text

VOID = {"br", "hr", "img", "wbr"}


@cache
def _sanitizer():
    return create_sanitizer(settings.PROSE_EDITOR_EXTENSIONS)


def sanitize(html: str) -> str:
    """Keep only what the body editor can make: no script, event handler, style or js: URL."""
    return _sanitizer()(clean_stored_text(html or ""))


class BodyField(ProseEditorField):
    """The body editor's HTML, sanitised when a form cleans it and again whenever it is
    saved (an importer, the demo): what is stored is only what the editor can make."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config", {"extensions": settings.PROSE_EDITOR_EXTENSIONS})
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return sanitize(super().to_python(value))

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


class _TopLevelSplitter(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_offsets = [0]
        for line in source.splitlines(keepends=True):
            self.line_offsets.append(self.line_offsets[-1] + len(line))
        self.depth = 0
        self.start = None
        self.blocks: list[str] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_offsets[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.start = self.position()
        if tag in VOID:
            if self.depth == 0:
                self.blocks.append(self.get_starttag_text())
            return
        self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            self.blocks.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in VOID or self.depth == 0:
            return
        self.depth -= 1
        if self.depth == 0 and self.start is not None:
            end = self.source.index(">", self.position()) + 1
            self.blocks.append(self.source[self.start : end])
            self.start = None


def split_blocks(html: str) -> list[SafeString]:
    """The sanitised body's top-level blocks (paragraphs, headings, lists, tables)."""
    clean = sanitize(html)
    splitter = _TopLevelSplitter(clean)
    splitter.feed(clean)
    splitter.close()
    return [mark_safe(block) for block in splitter.blocks if block.strip()]


# A photo placed by the body editor, as the sanitiser writes it:
# <figure data-photo-id="12"><img alt="…"><figcaption>…</figcaption></figure>.
FIGURE_ID = re.compile(r'<figure data-photo-id="(\d+)"')


def photo_ids(html: str) -> list[int]:
    """The photos a body places, in order."""
    return [int(pk) for pk in FIGURE_ID.findall(html or "")]


class _FigureReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alt, self.caption, self._in_caption = "", "", False

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.alt = dict(attrs).get("alt") or ""
        self._in_caption = self._in_caption or tag == "figcaption"

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self._in_caption = False

    def handle_data(self, data):
        if self._in_caption:
            self.caption += data


def body_items(blocks: list[str], photos: dict) -> list[dict]:
    """The top-level blocks to show: `{"html"}` for text; for a placed photo of `photos` (by
    id) `{"photo", "caption", "alt"}`, which the page draws with the photo's renditions and
    the words written in the body. A figure naming another photo (deleted since, or from
    an old version) is left out."""
    items = []
    for block in blocks:
        match = FIGURE_ID.match(block)
        if not match:
            items.append({"html": block})
            continue
        photo = photos.get(int(match[1]))
        if photo is None:
            continue
        reader = _FigureReader()
        reader.feed(block)
        caption = reader.caption.strip()
        items.append({"photo": photo, "caption": caption, "alt": reader.alt or caption})
    return items


def figure_html(photo, caption: str | None = None, alt: str | None = None) -> str:
    """A photo placed in a body, as the body editor writes it (sanitised: nh3's spelling)."""
    caption = photo.caption if caption is None else caption
    alt = photo.alt if alt is None else alt
    caption_html = format_html("<figcaption>{}</figcaption>", caption) if caption else ""
    return sanitize(
        format_html(
            '<figure data-photo-id="{}"><img alt="{}">{}</figure>', photo.pk, alt, caption_html
        )
    )


def place_photos(body: str, placements) -> str:
    """`body` with each (photo, n) of `placements` placed after its n-th top-level block
    (0: first; None or past the end: last), as the body editor writes photos."""
    blocks = split_blocks(body)
    placed: dict[int, list] = {}
    for photo, after in placements:
        placed.setdefault(len(blocks) if after is None else min(after, len(blocks)), []).append(
            photo
        )
    parts = [figure_html(photo) for photo in placed.get(0, [])]
    for number, block in enumerate(blocks, start=1):
        parts.append(block)
        parts.extend(figure_html(photo) for photo in placed.get(number, []))
    return sanitize("".join(parts))
