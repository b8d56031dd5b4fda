"""The POST data a person would send back from an admin change or add page, unchanged."""

from django.db.models.fields.files import FieldFile
from django.forms import MultiWidget


def _put(data, bound):
    widget = bound.field.widget
    value = bound.value()
    if isinstance(widget, MultiWidget):
        parts = value if isinstance(value, list) else widget.decompress(value)
        for index, part in enumerate(parts):
            data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
        return
    if value is None or value is False:
        if not getattr(widget, "input_type", "") == "checkbox":
            data[bound.html_name] = ""
        return
    if value is True:
        data[bound.html_name] = "on"
    elif isinstance(value, (list, tuple)):
        data[bound.html_name] = [str(v) for v in value]
    elif isinstance(value, FieldFile):  # a stored file: not sent back
        return
    else:
        data[bound.html_name] = str(value)


def admin_form_data(response) -> dict:
    data = {}
    form = response.context["adminform"].form
    for bound in form:
        _put(data, bound)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for bound in formset.management_form:
            data[bound.html_name] = str(bound.value())
        for each in formset.forms:
            for bound in each:
                _put(data, bound)
    return data
