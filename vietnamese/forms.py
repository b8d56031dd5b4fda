"""Form fields for numbers as Vietnamese type and read them."""

import re

from django import forms

from vietnamese.numbers import format_number

THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def read_number(text: str) -> str:
    """Typed Vietnamese number → Python's spelling: "2.400" → "2400", "10,5" → "10.5",
    "1.234,5" → "1234.5". A point before three digits groups thousands ("2.400"); before
    other digits it is taken as a decimal point, as some type it ("10.5")."""
    text = re.sub(r"[\s\u00a0\u202f]", "", text or "")
    if "," in text:
        return text.replace(".", "").replace(",", ".")
    if THOUSANDS.match(text):
        return text.replace(".", "")
    return text


class DecimalField(forms.DecimalField):
    """Shows "2.400" and "10,5" (not "2400.00") and reads them back, as well as "2400"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # No number input's step or min: the field reads text, "2.400" included.
        return {}

    def prepare_value(self, value):
        if isinstance(value, str):
            return value  # as typed, shown back with its error
        return format_number(value)

    def to_python(self, value):
        if isinstance(value, str):
            value = read_number(value)
        return super().to_python(value)
