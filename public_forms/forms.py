"""What every form a citizen submits carries against spam, without third-party services.

- A honeypot: a text box people never see (hidden from sight and from screen readers, and
  labelled to be left empty for whoever does see it); bots that fill every box fill it.
- A signed timestamp of when the form was shown (salted per form): sent sooner than
  PUBLIC_FORM_MIN_SECONDS is a script, later than PUBLIC_FORM_MAX_AGE a replayed page. Either
  way the form comes back with what was typed and a fresh timestamp, to be sent again.
- A length bound on every text field (PUBLIC_FORM_MAX_CHARS unless the field sets its own).
- `is_link_heavy()`: more than PUBLIC_FORM_MAX_LINKS links in the text. Not refused (a
  citizen may cite a few pages): the caller holds such a submission for review.
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"
TIMESTAMP = "form_shown"

# Schemes and bare "www." addresses; e-mail addresses are not links.
_LINK = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)\S+", re.IGNORECASE)

_TOO_FAST = _(
    "Biểu mẫu được gửi quá nhanh sau khi mở. Nội dung bạn nhập vẫn còn bên dưới: "
    "vui lòng kiểm tra lại rồi bấm gửi lần nữa."
)
_TOO_OLD = _(
    "Trang biểu mẫu đã mở quá lâu nên không còn hiệu lực. Nội dung bạn nhập vẫn còn bên "
    "dưới: vui lòng bấm gửi lần nữa."
)
_TAMPERED = _(
    "Không đọc được thời điểm mở biểu mẫu. Nội dung bạn nhập vẫn còn bên dưới: "
    "vui lòng bấm gửi lần nữa."
)
_HONEYPOT_FILLED = _(
    "Ô “Để trống ô này” phải để trống. Nếu bạn đã điền vào đó, hãy xoá nội dung ô đó rồi gửi lại."
)


def count_links(text: str) -> int:
    return len(_LINK.findall(text or ""))


class ProtectedFormMixin:
    """Mix into a Form or ModelForm (before it): adds the honeypot and the timestamp."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Để trống ô này"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields[TIMESTAMP].initial = self.issue_timestamp()
        limit = settings.PUBLIC_FORM_MAX_CHARS
        for name, field in self.fields.items():
            if name in (HONEYPOT, TIMESTAMP) or not isinstance(field, forms.CharField):
                continue
            if field.max_length is None:
                field.max_length = limit
                field.validators.append(MaxLengthValidator(limit))
                field.widget.attrs.update(field.widget_attrs(field.widget))

    @classmethod
    def timestamp_salt(cls) -> str:
        return f"public_forms:{cls.__module__}.{cls.__qualname__}"

    @classmethod
    def issue_timestamp(cls, *, at: float | None = None) -> str:
        """The signed moment the form is shown (`at`, seconds since the epoch)."""
        return signing.dumps(time.time() if at is None else at, salt=cls.timestamp_salt())

    @property
    def protection_fields(self):
        return [self[HONEYPOT], self[TIMESTAMP]]

    @property
    def citizen_fields(self):
        return [field for field in self if field.name not in (HONEYPOT, TIMESTAMP)]

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get(HONEYPOT):
            raise forms.ValidationError(_HONEYPOT_FILLED, code="honeypot")
        problem = self._timestamp_problem(self.cleaned_data.get(TIMESTAMP) or "")
        if problem:
            self._renew_timestamp()
            raise forms.ValidationError(problem, code="timestamp")
        return cleaned

    def _timestamp_problem(self, token: str):
        try:
            shown = float(signing.loads(token, salt=self.timestamp_salt()))
        except (signing.BadSignature, TypeError, ValueError):
            return _TAMPERED
        age = time.time() - shown
        if age < settings.PUBLIC_FORM_MIN_SECONDS:
            return _TOO_FAST
        if age > settings.PUBLIC_FORM_MAX_AGE:
            return _TOO_OLD
        return None

    def _renew_timestamp(self):
        """The form shown again carries a new timestamp (what was typed stays)."""
        data = self.data.copy()
        data[self.add_prefix(TIMESTAMP)] = self.issue_timestamp()
        self.data = data

    def link_count(self) -> int:
        return sum(
            count_links(value)
            for name, value in self.cleaned_data.items()
            if isinstance(value, str) and name not in (HONEYPOT, TIMESTAMP)
        )

    def is_link_heavy(self) -> bool:
        """More links than PUBLIC_FORM_MAX_LINKS in what was typed: hold it for review."""
        return self.link_count() > settings.PUBLIC_FORM_MAX_LINKS

    @classmethod
    def refilled(cls, data, **kwargs):
        """An unbound form showing what `data` held, with a new timestamp: for a submission
        refused before it was read (too many), so nothing typed is lost."""
        initial = {
            name: data.getlist(name)
            if hasattr(data, "getlist") and len(data.getlist(name)) > 1
            else data.get(name)
            for name in data
            if name not in (HONEYPOT, TIMESTAMP, "csrfmiddlewaretoken")
        }
        return cls(initial=initial, **kwargs)


class ProtectedForm(ProtectedFormMixin, forms.Form):
    pass
