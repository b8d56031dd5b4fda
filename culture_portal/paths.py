"""Public addresses of objects, for pages that list dozens of them."""

import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_MARK = "zzslugzz"
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_patterns: dict[tuple, tuple[str, str]] = {}


def reverse_slug(viewname: str, slug: str, **kwargs) -> str:
    """`reverse(viewname, kwargs={"slug": slug, **kwargs})`, with the address reversed once
    per view, other arguments, URL conf and script prefix: a home page links some sixty
    articles, and each `reverse` walks the resolver. Anything but a plain slug goes through
    `reverse` (which refuses it)."""
    if not _SLUG.fullmatch(slug or ""):
        return reverse(viewname, kwargs={"slug": slug, **kwargs})
    key = (
        viewname,
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        *sorted(kwargs.items()),
    )
    pattern = _patterns.get(key)
    if pattern is None:
        before, after = reverse(viewname, kwargs={"slug": _MARK, **kwargs}).split(_MARK)
        pattern = _patterns[key] = (before, after)
    return f"{pattern[0]}{slug}{pattern[1]}"
