"""Version histories as staff read them: each version numbered, who made it by name, what
changed in words (dates local and dd/mm/yyyy, statuses by their labels, numbers as
Vietnamese write them, long texts as the words taken out and put in).

`ReadableHistoryMixin` goes on an admin with django-simple-history's `SimpleHistoryAdmin`;
`history_note` says what a restore leaves as it is (photos, for instance).
"""

import difflib
import html
import re

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from vietnamese.numbers import format_number

# Texts longer than this are shown as the words that changed, with a few around them.
LONG_TEXT = 120
CONTEXT_WORDS = 6
BLOCK_END = re.compile(r"</(p|h\d|li|blockquote|figcaption|tr)>|<br\s*/?>|<hr\s*/?>", re.I)
FIGURE = re.compile(r"<figure[^>]*>.*?</figure>", re.S)
FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)


def plain_text(value: str) -> str:
    """A body's or a note's words: blocks on their own lines, a placed photo as
    "[Ảnh: caption]", no markup."""

    def photo(match):
        caption = FIGCAPTION.search(match[0])
        words = strip_tags(caption[1]) if caption else ""
        return "\n[" + gettext("Ảnh") + (f": {words}" if words else "") + "]\n"

    text = FIGURE.sub(photo, value)
    text = BLOCK_END.sub("\n", text)
    return html.unescape(strip_tags(text)).strip()


def word_diff(old: str, new: str):
    """What was taken out (<del>) and put in (<ins>), with the words around each change."""
    before, after = old.split(), new.split()
    parts = []
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if op == "equal":
            words = before[a1:a2]
            if len(words) > 2 * CONTEXT_WORDS:
                # The words next to the changes before and after it; the rest elided.
                head = " ".join(words[:CONTEXT_WORDS]) if index > 0 else ""
                tail = " ".join(words[-CONTEXT_WORDS:]) if index < len(opcodes) - 1 else ""
                words = [w for w in (head, "…", tail) if w]
            parts.append(format_html("{}", " ".join(words)))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", " ".join(before[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", " ".join(after[b1:b2])))
    return mark_safe(" ".join(parts))


class ReadableChanges(HistoricalRecordContextHelper):
    """The changes between two versions, each value as staff read it."""

    def context_for_delta_changes(self, delta):
        changes = []
        for change in delta.changes:
            field = self.model._meta.get_field(change.field)
            entry = {"field": capfirst(field.verbose_name), "old": "", "new": "", "diff": ""}
            if self.is_long_text(field, change.old, change.new):
                entry["diff"] = word_diff(
                    plain_text(change.old or ""), plain_text(change.new or "")
                )
            else:
                entry["old"] = self.readable(field, change.old)
                entry["new"] = self.readable(field, change.new)
            changes.append(entry)
        return changes

    @staticmethod
    def is_long_text(field, old, new) -> bool:
        if not isinstance(field, (models.CharField, models.TextField)) or field.choices:
            return False
        return (
            isinstance(field, models.TextField) or max(len(old or ""), len(new or "")) > LONG_TEXT
        )

    def readable(self, field, value) -> str:
        if isinstance(field, models.ManyToManyField):
            name = get_m2m_reverse_field_name(field)
            names = [str(row[name]) for row in value or []]
            return ", ".join(names) if names else gettext("(trống)")
        if isinstance(value, DeletedObject):
            return gettext("(đã xoá)")
        if value is None or value == "":
            return gettext("(trống)")
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.BooleanField):
            return gettext("Có") if value else gettext("Không")
        if isinstance(field, models.DateTimeField):
            return date_format(timezone.localtime(value), "H:i d/m/Y")
        if isinstance(field, models.DateField):
            return date_format(value, "d/m/Y")
        if isinstance(field, (models.DecimalField, models.FloatField, models.IntegerField)):
            return format_number(value)
        if isinstance(field, models.FileField):
            return str(value).rsplit("/", 1)[-1]
        return str(value)


class ReadableHistoryMixin:
    """The history page of an admin, as staff read it (see the module's notes)."""

    history_note = ""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        # Numbered from the first version: the newest has the highest number.
        newest = historical_records.paginator.count - historical_records.start_index() + 1
        for offset, record in enumerate(historical_records):
            record.version_number = newest - offset
        # The notes column only when a version on the page has one (a workflow step, a
        # restore, an import).
        historical_records.show_reasons = any(r.history_change_reason for r in historical_records)

    def history_view(self, request, object_id, extra_context=None):
        User = get_user_model()
        opts = User._meta
        context = {
            # A name links to the person's account only for those who may open it: for
            # others the link led to a refusal.
            "can_view_users": request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
            or request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"),
            "history_note": self.history_note,
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            record = self.model.history.filter(history_id=version_id).first()
            if record is not None:
                when = date_format(timezone.localtime(record.history_date), "H:i d/m/Y")
                request.history_change_reason = gettext("Khôi phục phiên bản lúc %(when)s") % {
                    "when": when
                }
        context = {"history_note": self.history_note, **(extra_context or {})}
        return super().history_form_view(request, object_id, version_id, context)

    def save_form(self, request, form, change):
        obj = super().save_form(request, form, change)
        reason = getattr(request, "history_change_reason", None)
        if reason:
            obj._change_reason = reason
        return obj


PHOTOS_NOT_IN_VERSIONS = _(
    "Ảnh không nằm trong các phiên bản: khôi phục một phiên bản đưa phần chữ về như lúc đó, "
    "còn ảnh giữ nguyên như hiện nay."
)
