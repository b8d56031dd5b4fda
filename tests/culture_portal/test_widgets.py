"""The public filters' fast select renders exactly what Django's select renders."""

import pytest
from django import forms
from django.test.html import parse_html

from culture_portal.widgets import QuickSelect

CHOICES = [
    ("", "Tất cả"),
    ("2026-11", "11/2026"),
    ("Nhóm <b>", [("a&b", 'Thư viện "tỉnh" <script>'), ("x", "Xã Mỹ Hiệp")]),
]


@pytest.mark.parametrize("value", [None, "", "2026-11", "a&b", "không có"])
def test_quick_select_matches_django_select(value):
    attrs = {"id": "id_month", "aria-describedby": "help"}
    quick = QuickSelect(choices=CHOICES).render("month", value, attrs)
    django = forms.Select(choices=CHOICES).render("month", value, attrs)
    assert parse_html(quick) == parse_html(django)  # same elements and attributes
    assert "<script>" not in quick and "&lt;script&gt;" in quick


def test_quick_select_marks_the_chosen_option():
    html = QuickSelect(choices=CHOICES).render("month", "2026-11", {})
    assert '<option value="2026-11" selected>11/2026</option>' in html
    assert html.count(" selected") == 1
