"""The canonical request: what a cached page is keyed by, and rendered from.

A page is a function of its path and of the few query parameters its view reads, never of
the rest of the query (click ids that Facebook, Zalo and Google add to every shared link,
utm_* tags, anything a stranger makes up) nor of the Host header (absolute links come from
SITE_URL). Views say which parameters they read (`page_cache_params` on the view, or
`reads_query` around a function view); the middleware keeps only those, in a fixed order,
and the view renders from that canonical query alone, so that what is stored under a key is
exactly what that key names (pagination links carry no click id).

The parameters are picked the way nginx's `$arg_<name>` picks them, so that its micro-cache
(deploy/nginx/culture-portal.conf) keys the same pages the same way: the name matched as
sent, without percent-decoding and ignoring case, the first occurrence with an "=" winning,
the value kept as sent; an empty value is the same as none.
"""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import QueryDict
from django.urls import Resolver404, resolve


def reads_query(*names: str):
    """For a function view (or someone else's view, wrapped in urls.py): the query
    parameters it reads."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            return view(*args, **kwargs)

        wrapper.page_cache_params = tuple(names)
        return wrapper

    return decorate


def params_of(view) -> tuple[str, ...]:
    owner = getattr(view, "view_class", view)
    return tuple(getattr(owner, "page_cache_params", ()))


@functools.lru_cache(maxsize=4096)
def query_params(path: str) -> tuple[str, ...]:
    """The query parameters the view at `path` reads (none for a path that resolves to no
    view: it answers 404 whatever the query). Remembered for the paths met lately: a shared
    link's every visit carries a click id, and resolving the path each time costs more than
    the rest of serving the kept page."""
    try:
        match = resolve(path)
    except Resolver404:
        return ()
    return params_of(match.func)


def canonical_query(query_string: str, names) -> str:
    wanted = {name.lower() for name in names}
    if not wanted or not query_string:
        return ""
    found: dict[str, str] = {}
    for pair in query_string.split("&"):
        name, equals, value = pair.partition("=")
        name = name.lower()
        if equals and name in wanted and name not in found:
            found[name] = value
    return "&".join(f"{name}={found[name]}" for name in sorted(found) if found[name])


def canonicalize(request) -> str:
    """Reduce the request's query to the parameters its view reads, and return the
    canonical address: SITE_URL, the path, that query."""
    raw = request.META.get("QUERY_STRING", "")
    query = canonical_query(raw, query_params(request.path_info))
    if query != raw:
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query, encoding=request.encoding)
    return f"{settings.SITE_URL}{request.path}{'?' if query else ''}{query}"


@receiver(setting_changed)
def _urlconf_changed(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        query_params.cache_clear()
