"""The same page in the other language: links that keep the visitor where they are."""

from django import template
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils import translation

register = template.Library()


_fallbacks: dict[tuple[str, str, str], str] = {}


def twin_of(request, language: str) -> str:
    """This page's address in `language`: its URL pattern reversed in that language (the
    request was resolved already: no second resolving, as translate_url does)."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return translate_url(request.path, language)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(language):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path


@register.simple_tag(takes_context=True)
def language_twin(context, language: str, fallback: str = "") -> str:
    """This page's address in `language`, or, for a page that has no twin, the URL named
    `fallback` as reversed in that language ("" without one)."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    twin = twin_of(request, language)
    if twin != path or translation.get_language() == language:
        return twin
    if fallback:
        key = (language, fallback, get_script_prefix())
        if key not in _fallbacks:
            with translation.override(language):
                _fallbacks[key] = reverse(fallback)
        return _fallbacks[key]
    return ""
