"""Vietnamese alphabetical order, the same in Python, on SQLite and on PostgreSQL.

Code-point order puts "Cao Bằng" before "Cà Mau" and "Điện Biên" before "Đà Nẵng"; a
database collation depends on how the server was installed. Here the order is a sort key
computed the same way everywhere:

- letters first, in the Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
  u ư v x y (f, j, w, z of foreign names at their Latin places), case ignored, words before
  longer words ("Cà Mau" before "Cao Bằng");
- then tones, only between names with the same letters: none, huyền, hỏi, ngã, sắc, nặng;
- then the text itself (capitals first), so the order is total.

`sort_key(text)` is the Python key (`sorted(names, key=sort_key)`); `SortKey("name")` is the
same key as a database expression, for `order_by()` and the admin's `ordering`. On
PostgreSQL it is `translate()` compared byte by byte (COLLATE "C"); SQLite has no
`translate()`, so the Python function is registered on each connection (`register`).
"""

import unicodedata

from django.db import NotSupportedError
from django.db.models import Func, TextField

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
VOWELS = "aăâeêioôơuưy"
# The tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
# Below every letter and every character a name may hold: a shorter name sorts first.
SEPARATOR = "\x01"
# Letters become characters of the Private Use Area, in alphabet order: after spaces, digits
# and punctuation, and never equal to a character of real text.
LETTER_BASE = 0xE000
SQLITE_FUNCTION = "vi_sort_key"


def _tables() -> tuple[str, str, str]:
    source, primary, tone = [], [], []
    for rank, letter in enumerate(ALPHABET):
        marks = TONES if letter in VOWELS else [""]
        for number, mark in enumerate(marks):
            for case in (letter, letter.upper()):
                source.append(unicodedata.normalize("NFC", case + mark))
                primary.append(chr(LETTER_BASE + rank))
                tone.append(str(number))
    return "".join(source), "".join(primary), "".join(tone)


SOURCE, PRIMARY, TONE = _tables()
_PRIMARY = str.maketrans(SOURCE, PRIMARY)
_TONE = str.maketrans(SOURCE, TONE)


def sort_key(text: str | None) -> str:
    """The key that puts Vietnamese text in alphabetical order (see the module's notes)."""
    text = text or ""
    return text.translate(_PRIMARY) + SEPARATOR + text.translate(_TONE) + SEPARATOR + text


def sorted_vietnamese(items, *, key=str):
    """`items` in Vietnamese alphabetical order of `key(item)`."""
    return sorted(items, key=lambda item: sort_key(key(item)))


class SortKey(Func):
    """`sort_key(expression)` computed by the database: `order_by(SortKey("name"))`."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor == "sqlite":
            return super().as_sql(compiler, connection, function=SQLITE_FUNCTION)
        if connection.vendor != "postgresql":
            # The portal runs on SQLite and PostgreSQL only (settings.DATABASES).
            raise NotSupportedError(f"Vietnamese order is not available on {connection.vendor}")
        sql, params = compiler.compile(self.source_expressions[0])
        text = f"COALESCE({sql}, '')"
        key = (
            f"(translate({text}, %s, %s) || chr(1) || translate({text}, %s, %s) "
            f'|| chr(1) || {text}) COLLATE "C"'
        )
        return key, (*params, SOURCE, PRIMARY, *params, SOURCE, TONE, *params)


def register(sender, connection, **kwargs) -> None:
    """Give each new SQLite connection the key function (`connection_created`)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, sort_key, deterministic=True)
