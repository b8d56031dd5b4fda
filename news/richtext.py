"""Article bodies: the sanitiser shared by saving and display, and splitting into blocks."""

from functools import cache
from html.parser import HTMLParser

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django_prose_editor.fields import create_sanitizer

VOID = {"br", "hr", "img", "wbr"}


@cache
def _sanitizer():
    return create_sanitizer(settings.PROSE_EDITOR_EXTENSIONS)


def sanitize(html: str) -> str:
    """Keep only what the body editor can make: no script, event handler, style or js: URL."""
    return _sanitizer()(html or "")


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
