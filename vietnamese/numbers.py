"""Numbers as Vietnamese write them: "2.400", "10,5", "8" (never "2400.00" or "8,00")."""

from decimal import Decimal, InvalidOperation

from django.utils.numberformat import format as number_format


def format_number(value, decimals: int | None = None) -> str:
    """`value` with "." between thousands and "," before decimals; trailing zeros dropped,
    or exactly `decimals` places when given. Anything not a number is returned as text."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if decimals is None:
        # 2400.00 → 2400, 10.50 → 10.5: what was typed, not the column's precision.
        number = (
            number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize()
        )
        text = f"{number:f}"
    else:
        text = f"{number:.{decimals}f}"
    return number_format(text, decimal_sep=",", thousand_sep=".", grouping=3, force_grouping=True)
