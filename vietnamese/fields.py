"""Model fields that store Vietnamese text one way, whoever saves it.

A form or the admin cleans a field through `to_python` (so uniqueness is checked on the text
as it will be stored); any other save (an importer, the demo, a command) goes through
`pre_save`. Both call the same function of vietnamese.text: there is one path.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vietnamese.text import (
    clean_stored_text,
    normalize_multiline,
    normalize_text,
    vietnamese_slugify,
)


class _Normalized:
    normalize = staticmethod(clean_stored_text)

    def to_python(self, value):
        value = super().to_python(value)
        return self.normalize(value) if isinstance(value, str) else value

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = self.normalize(value)
            setattr(model_instance, self.attname, value)
        return value


class LineField(_Normalized, models.CharField):
    """One line of text: NFC, no control characters, single spaces, trimmed."""

    normalize = staticmethod(normalize_text)


class ParagraphsField(_Normalized, models.TextField):
    """Text of paragraphs: each line as a LineField, one blank line between paragraphs."""

    normalize = staticmethod(normalize_multiline)


class PlainTextField(_Normalized, models.TextField):
    """Text kept as typed (spacing included), but NFC and without control characters."""


class AutoSlugField(models.SlugField):
    """An address made from another field when left empty, unique in its table.

    `reserved` are slugs the URLs of the app already use ("rss" under /tin-tuc/): refused when
    typed, avoided when made.
    """

    def __init__(
        self, *args, populate_from="", fallback="", reserved=(), reserved_suffix="", **kwargs
    ):
        # Not part of the schema (nor of migrations): how a slug is made and what it avoids.
        self.populate_from = populate_from
        self.fallback = fallback
        self.reserved = frozenset(reserved)
        self.reserved_suffix = reserved_suffix
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value in self.reserved:
            raise ValidationError(
                _("Đường dẫn “%(slug)s” đã được dành riêng.") % {"slug": value}, code="reserved"
            )

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if not value:
            value = self.unique_slug(model_instance)
            setattr(model_instance, self.attname, value)
        return value

    def unique_slug(self, instance) -> str:
        source = getattr(instance, self.populate_from, "") or ""
        # Room left for a "-2" that tells apart equal titles.
        length = min(200, self.max_length - 10)
        base = vietnamese_slugify(source, max_length=length) or self.fallback
        if base in self.reserved:
            base = f"{base}-{self.reserved_suffix or self.fallback}"
        model = instance._meta.model
        taken = set(
            model._default_manager.filter(
                Q(**{self.attname: base}) | Q(**{f"{self.attname}__startswith": f"{base}-"})
            )
            .exclude(pk=instance.pk)
            .values_list(self.attname, flat=True)
        )
        candidate, number = base, 2
        while candidate in taken or candidate in self.reserved:
            candidate = f"{base}-{number}"
            number += 1
        return candidate


class EmailField(_Normalized, models.EmailField):
    """An e-mail address, without the control characters a quoted name part may carry."""


class URLField(_Normalized, models.URLField):
    """A web address, without the control characters its path may carry."""
