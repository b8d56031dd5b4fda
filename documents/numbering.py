"""Số, ký hiệu of a document (Decree 30/2020/NĐ-CP, Phụ lục I): read, written and matched.

A number and symbol is written "12/QĐ-SVHTTDL": the number (two digits at least: 05, not 5),
a slash, then the symbol — the abbreviation of the type of document and that of the issuer,
joined by hyphens ("123/SVHTTDL-VP" for a công văn, which has no type abbreviation). Legal
normative documents carry their year: "15/2025/QĐ-UBND".

Visitors type it any way ("12/QD-SVHTTDL", "12 QĐ SVHTTDL", "12/qđ-svhttdl"): every form folds
to one *key* ("12 QD SVHTTDL"), stored beside the document and matched exactly.
"""

import re
from typing import NamedTuple

from vietnamese.text import fold, normalize_text

_SYMBOL_PART = r"[A-ZĐ][A-Za-zĐđ0-9]{0,14}"
PATTERN = re.compile(
    r"^(?P<number>\d{1,5})"
    r"(?:/(?P<year>(?:19|20)\d{2}))?"
    rf"/(?P<symbol>{_SYMBOL_PART}(?:-{_SYMBOL_PART}){{0,4}})$"
)
# A number and symbol inside running text (a news article): at least one hyphen in the
# symbol, so that dates ("30/4") and fractions are not taken for documents.
IN_TEXT = re.compile(
    rf"(?<![\w/])\d{{1,5}}(?:/(?:19|20)\d{{2}})?/{_SYMBOL_PART}(?:-{_SYMBOL_PART}){{1,4}}(?![\w-])"
)
_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")
_SLASH = re.compile(r"\s*/\s*")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")
_KEY_SHAPE = re.compile(r"^\d+(?: \d{4})? [A-Z]")


class NumberSymbol(NamedTuple):
    number: int
    year: int | None
    symbol: str

    @property
    def parts(self) -> list[str]:
        return self.symbol.split("-")

    def __str__(self) -> str:
        year = f"/{self.year}" if self.year else ""
        return f"{self.number:02d}{year}/{self.symbol}"


def parse(text: str) -> NumberSymbol | None:
    """The number and symbol as typed in a form, or None when it is not one. Spaces around
    the slash and hyphens, and other dashes, are forgiven; the letters' case is not (QyĐ,
    CTr: the abbreviations mix cases)."""
    text = _SLASH.sub("/", _DASHES.sub("-", normalize_text(text)))
    found = PATTERN.match(text)
    if not found:
        return None
    return NumberSymbol(
        number=int(found["number"]),
        year=int(found["year"]) if found["year"] else None,
        symbol=found["symbol"],
    )


def number_key(text: str) -> str:
    """The key a number and symbol is matched by, however it was typed: ASCII capitals and
    digits separated by single spaces, the number without leading zeros."""
    words = _NOT_ALNUM.sub(" ", fold(text).upper()).split()
    return " ".join(word.lstrip("0") or "0" if word.isdigit() else word for word in words)


def spaced(text: str) -> str:
    """The number and symbol with its slashes as spaces, for a slug or a file name
    ("12/QĐ-SVHTTDL" → "12 QĐ-SVHTTDL" → 12-qd-svhttdl)."""
    return text.replace("/", " ")


def looks_like_number(query: str) -> bool:
    """Whether a query is a number and symbol (looked up by key) rather than words."""
    return bool(_KEY_SHAPE.match(number_key(query)))


def find_in_text(text: str) -> list[str]:
    """The numbers and symbols written in a text, each once, in order."""
    return list(dict.fromkeys(IN_TEXT.findall(text or "")))
