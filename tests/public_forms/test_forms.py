"""Each rule of ProtectedForm, on a small form of the kind citizens send."""

import time

import pytest
from django import forms

from public_forms.forms import HONEYPOT, TIMESTAMP, ProtectedForm, count_links


class NoteForm(ProtectedForm):
    name = forms.CharField(label="Họ và tên", max_length=100)
    text = forms.CharField(label="Nội dung", widget=forms.Textarea)


class OtherForm(ProtectedForm):
    text = forms.CharField(label="Nội dung")


def data(*, shown_ago=60.0, form=NoteForm, **fields):
    values = {"name": "Nguyễn Văn An", "text": "Xin hỏi giờ mở cửa của Bảo tàng tỉnh?"}
    values.update(fields)
    values.setdefault(TIMESTAMP, form.issue_timestamp(at=time.time() - shown_ago))
    return values


def test_a_person_who_waited_a_moment_is_accepted():
    form = NoteForm(data())
    assert form.is_valid(), form.errors
    assert not form.is_link_heavy()


def test_a_filled_honeypot_is_refused():
    form = NoteForm(data(**{HONEYPOT: "http://spam.example"}))
    assert not form.is_valid()
    assert "phải để trống" in str(form.non_field_errors())


def test_the_honeypot_is_hidden_from_people_and_screen_readers_and_labelled():
    html = str(NoteForm().protection_fields[0].label_tag()) + str(NoteForm()[HONEYPOT])
    assert "Để trống ô này" in html
    assert 'tabindex="-1"' in html
    assert 'autocomplete="off"' in html


def test_a_form_sent_too_fast_is_refused_and_keeps_the_text_with_a_new_timestamp():
    sent = data(shown_ago=1)
    form = NoteForm(sent)
    assert not form.is_valid()
    assert "quá nhanh" in str(form.non_field_errors())
    html = str(form["text"])
    assert "Xin hỏi giờ mở cửa của Bảo tàng tỉnh?" in html
    renewed = form.data[TIMESTAMP]
    assert renewed != sent[TIMESTAMP]
    # Sent again once the person has read the message, the renewed timestamp is accepted.
    later = NoteForm({**sent, TIMESTAMP: renewed})
    assert not later.is_valid()  # still within the minimum right after the renewal
    aged = NoteForm({**sent, TIMESTAMP: NoteForm.issue_timestamp(at=time.time() - 5)})
    assert aged.is_valid()


def test_a_form_sent_too_late_is_refused(settings):
    settings.PUBLIC_FORM_MAX_AGE = 60 * 60
    form = NoteForm(data(shown_ago=60 * 60 + 5))
    assert not form.is_valid()
    assert "quá lâu" in str(form.non_field_errors())
    assert "Nguyễn Văn An" in str(form["name"])


def test_the_minimum_and_maximum_follow_the_settings(settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 30
    assert not NoteForm(data(shown_ago=20)).is_valid()
    assert NoteForm(data(shown_ago=40)).is_valid()


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        NoteForm.issue_timestamp(at=time.time() - 60)[:-2] + "xx",  # altered signature
        OtherForm.issue_timestamp(at=time.time() - 60),  # another form's timestamp
    ],
)
def test_a_tampered_or_foreign_timestamp_is_refused(token):
    form = NoteForm(data(**{TIMESTAMP: token}))
    assert not form.is_valid()
    assert "Không đọc được thời điểm mở biểu mẫu" in str(form.non_field_errors())


def test_text_fields_are_bounded_in_length(settings):
    settings.PUBLIC_FORM_MAX_CHARS = 50
    form = NoteForm(data(text="x" * 51, name="y" * 101))
    assert not form.is_valid()
    assert "tối đa 50 kí tự" in str(form.errors["text"])
    assert "tối đa 100 kí tự" in str(form.errors["name"])  # the field's own bound
    assert 'maxlength="50"' in str(form["text"])


def test_link_heavy_text_is_flagged_not_refused(settings):
    settings.PUBLIC_FORM_MAX_LINKS = 2
    two = "Xem https://a.example/x và www.b.example nhé"
    three = two + " cùng http://c.example"
    assert count_links(three) == 3
    assert count_links("Liên hệ an@example.com") == 0
    fine = NoteForm(data(text=two))
    assert fine.is_valid() and not fine.is_link_heavy()
    heavy = NoteForm(data(text=three))
    assert heavy.is_valid() and heavy.is_link_heavy()


def test_refilled_shows_what_was_typed_with_a_fresh_timestamp():
    from django.http import QueryDict

    sent = QueryDict(mutable=True)
    sent.update(data(shown_ago=1, **{HONEYPOT: ""}))
    form = NoteForm.refilled(sent)
    assert not form.is_bound
    assert "Nguyễn Văn An" in str(form["name"])
    assert form[TIMESTAMP].value() != sent[TIMESTAMP]
