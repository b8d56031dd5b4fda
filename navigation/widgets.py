"""Form widgets of the public pages."""

import html

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeData, mark_safe


def _escaped(text) -> str:
    """What the template's autoescape makes of a value (Django's `conditional_escape`,
    without its per-call lazy-argument check)."""
    return text if isinstance(text, SafeData) else html.escape(str(text))


class QuickSelect(forms.Select):
    """Django's `Select`, the same markup, rendered in Python.

    Django renders a select through one template per option, from a dictionary per option:
    the news filter's month list (a hundred options) and the directory's list of places cost
    more than the rest of the page. The selection follows `Select.optgroups`: the first
    option whose value matches, or every one for a multiple select.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        values = set(self.format_value(value))
        multiple = self.allow_multiple_selected
        has_selected = False
        parts = []
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            grouped = isinstance(option_label, (list, tuple))
            options = []
            for sub_value, sub_label in option_label if grouped else [(option_value, option_label)]:
                selected = (multiple or not has_selected) and str(sub_value) in values
                has_selected |= selected
                options.append(
                    f'<option value="{_escaped(sub_value)}"{" selected" if selected else ""}>'
                    f"{_escaped(sub_label)}</option>"
                )
            if grouped:
                parts.append(
                    f'<optgroup label="{_escaped(option_value)}">{"".join(options)}</optgroup>'
                )
            else:
                parts.append(options[0])
        return mark_safe(  # every value and label above is escaped
            f'<select name="{_escaped(name)}"{flatatt(final_attrs)}>{"".join(parts)}</select>'
        )
