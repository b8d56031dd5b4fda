"""Numbers and symbols: read from a form, written the standard way, matched however typed."""

import pytest

from documents import numbering


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12/QĐ-SVHTTDL", "12/QĐ-SVHTTDL"),
        ("2/KH-SVHTTDL", "02/KH-SVHTTDL"),
        ("12 / QĐ – SVHTTDL", "12/QĐ-SVHTTDL"),
        ("15/2025/QĐ-UBND", "15/2025/QĐ-UBND"),
        ("123/SVHTTDL-VP", "123/SVHTTDL-VP"),
        ("07/QyĐ-SVHTTDL", "07/QyĐ-SVHTTDL"),
        ("2/KH-SVHTTDL-SNV", "02/KH-SVHTTDL-SNV"),
    ],
)
def test_a_well_formed_number_is_stored_the_standard_way(typed, stored):
    assert str(numbering.parse(typed)) == stored


@pytest.mark.parametrize("typed", ["12 QĐ SVHTTDL", "12/qđ-svhttdl", "QĐ-12/SVHTTDL", "12/", ""])
def test_a_number_not_in_the_standard_form_is_refused(typed):
    assert numbering.parse(typed) is None


@pytest.mark.parametrize(
    "typed", ["12/QĐ-SVHTTDL", "12/QD-SVHTTDL", "12 QĐ SVHTTDL", "12/qđ-svhttdl", "012 qd svhttdl"]
)
def test_every_way_of_typing_a_number_gives_one_key(typed):
    assert numbering.number_key(typed) == "12 QD SVHTTDL"
    assert numbering.looks_like_number(typed)


def test_words_are_not_taken_for_a_number():
    assert not numbering.looks_like_number("quy chế làm việc")
    assert not numbering.looks_like_number("2026")


def test_numbers_are_found_in_running_text_but_not_dates():
    text = (
        "Theo Quyết định số 12/QĐ-SVHTTDL ngày 30/4/2026, Công văn 123/SVHTTDL-VP và "
        "Quyết định 15/2025/QĐ-UBND; nhắc lại 12/QĐ-SVHTTDL."
    )
    assert numbering.find_in_text(text) == ["12/QĐ-SVHTTDL", "123/SVHTTDL-VP", "15/2025/QĐ-UBND"]
