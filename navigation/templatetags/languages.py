"""The same page in the other language: links that keep the visitor where they are."""

from django import template
from django.urls import reverse, translate_url
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_twin(context, language: str, fallback: str = "") -> str:
    """This page's address in `language` (Django's translate_url), or, for a page that has
    no twin, the URL named `fallback` as reversed in that language ("" without one)."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    twin = translate_url(path, language)
    if twin != path or translation.get_language() == language:
        return twin
    if fallback:
        with translation.override(language):
            return reverse(fallback)
    return ""
