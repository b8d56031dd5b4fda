"""The public filters' fast select renders exactly what Django's select renders."""

import pytest
from django import forms
from django.test.html import parse_html

from navigation.widgets import QuickSelect

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


@pytest.mark.parametrize("value", [None, [], ["1", "3"], [2]])
def test_quick_select_multiple_matches_django(value):
    from django.utils.translation import gettext_lazy

    choices = [(1, gettext_lazy("Tỉnh")), (2, "Xã"), (3, "Thôn & ấp"), (None, "Không rõ")]
    quick = type("Multiple", (QuickSelect,), {"allow_multiple_selected": True})
    attrs = {"id": "id_level", "required": True, "disabled": False}
    mine = quick(choices=choices).render("level", value, attrs)
    django = forms.SelectMultiple(choices=choices).render("level", value, attrs)
    assert parse_html(mine) == parse_html(django)


def test_only_the_first_matching_option_is_chosen_in_a_single_select():
    choices = [("a", "Một"), ("a", "Một lần nữa")]
    mine = QuickSelect(choices=choices).render("x", "a", {})
    assert parse_html(mine) == parse_html(forms.Select(choices=choices).render("x", "a", {}))
    assert mine.count(" selected") == 1
