"""Vietnamese text normalisation: one place for how text is stored and how it is matched."""

import re
import unicodedata

from django.utils.text import slugify

# No-break and other odd spaces that pasted Vietnamese text carries.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]")


def normalize_text(value: str) -> str:
    """Text as stored: NFC, no control characters, single spaces, trimmed (one line)."""
    value = unicodedata.normalize("NFC", value or "")
    value = _CONTROL.sub("", value)
    return _SPACES.sub(" ", value).strip()


def normalize_multiline(value: str) -> str:
    """Like normalize_text, but keeps paragraphs (one blank line between them)."""
    value = unicodedata.normalize("NFC", value or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [normalize_text(p) for p in re.split(r"\n\s*\n", value)]
    lines = ["\n".join(normalize_text(line) for line in p.split("\n")) for p in paragraphs]
    return "\n\n".join(p for p in lines if p)


def fold(value: str) -> str:
    """Text as matched: lower case, no diacritics (đ → d), single spaces.

    Dropping every combining mark makes the old and new tone placement equal
    (hoá = hóa, thuỷ = thủy) and NFD input equal to NFC input.
    """
    decomposed = unicodedata.normalize("NFD", value or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    stripped = _CONTROL.sub("", stripped)
    return _SPACES.sub(" ", stripped).strip().lower()


def vietnamese_slugify(value: str, max_length: int = 200) -> str:
    """ASCII slug from a Vietnamese title: "Hội nghị chuyên đề" → "hoi-nghi-chuyen-de"."""
    slug = slugify(fold(value))
    return slug[:max_length].strip("-")


def clean_stored_text(value: str) -> str:
    """Any text before it is stored: NFC, and no control characters but tab and line breaks
    (they have no meaning in Vietnamese text, and XML, the RSS feed, refuses them)."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", value))


def clean_text_fields(sender, instance, raw=False, **kwargs):
    """pre_save, for every model of the portal: whatever form, importer or command saved it."""
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if field.get_internal_type() in ("CharField", "TextField", "SlugField", "EmailField"):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, clean_stored_text(value))
