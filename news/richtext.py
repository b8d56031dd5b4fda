"""Article bodies: the field that stores them sanitised, and splitting them into blocks."""

from functools import cache
from html.parser import HTMLParser

from django.conf import settings
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
