from django import template

from vietnamese.numbers import format_number

register = template.Library()


@register.filter
def number(value, decimals=None):
    """{{ facility.value|number }} → "2.400"; {{ ratio|number:1 }} → "10,5"."""
    return format_number(value, None if decimals in (None, "") else int(decimals))
