"""The sections of the site's main menu, and which of them the current page belongs to."""

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

register = template.Library()

# (name, URL name) in menu order; the home page is current only on itself, a section on any
# page whose address contains the section's.
SECTIONS = (
    ("home", "home"),
    ("about", "agency:home"),
    ("news", "news:article-list"),
    ("institutions", "institutions:list"),
    ("documents", "documents:list"),
    ("questions", "questions:list"),
    ("drafts", "consultations:list"),
    ("schedule", "schedule:current"),
    ("plans", "work_plans:current"),
)


_addresses: dict[tuple[str, str], list[tuple[str, str]]] = {}


def section_addresses() -> list[tuple[str, str]]:
    """(name, address) of each section, in the active language (reversed once per process)."""
    key = (get_language(), get_script_prefix())
    if key not in _addresses:
        _addresses[key] = [(name, reverse(url_name)) for name, url_name in SECTIONS]
    return _addresses[key]


@register.simple_tag(takes_context=True)
def current_section(context) -> str:
    """The name of the menu section of this page ("" for none): a fragment key of the menu."""
    request = context.get("request")
    if request is None:
        return ""
    for name, url in section_addresses():
        if request.path == url if name == "home" else url in request.path:
            return name
    return ""
