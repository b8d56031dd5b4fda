"""What every admin form with file fields shares: a save whose files cannot be stored."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from uploads.storage import StorageWriteError, remove_written, upload_journal


def _refusing_upload(form_class, failures: dict):
    """The form class, made to refuse its submission because files could not be stored.

    `failures` maps a field's HTML name to its message; under None, the message for every
    file field that received a file (or, when none did, for the main form as a whole)."""

    class RefusingUpload(form_class):
        def clean(self):
            cleaned = super().clean()
            anywhere = failures.get(None)
            refused = False
            for name, field in self.fields.items():
                if not isinstance(field, forms.FileField):
                    continue
                key = self.add_prefix(name)
                message = failures.get(key) or (anywhere if self.files.get(key) else None)
                if message:
                    self._errors.pop(name, None)  # not "required": the file was sent
                    self.add_error(name, message)
                    refused = True
            if anywhere and not refused and not self.prefix:
                self.add_error(None, anywhere)
            return cleaned

    RefusingUpload.__name__ = form_class.__name__
    return RefusingUpload


def _refuse_too_many_files(request) -> None:
    """A save of more than UPLOAD_MAX_FILES files is refused before any is read (each photo
    is decoded, re-encoded and resized): the files are dropped, and each file field that
    received one gets the message."""
    count = sum(len(uploads) for _name, uploads in request.FILES.lists())
    limit = settings.UPLOAD_MAX_FILES
    if count <= limit:
        return
    message = _(
        "Mỗi lần lưu nhận tối đa %(max)s tệp; lần này có %(count)s tệp, nên chưa lưu gì. "
        "Nội dung đã nhập vẫn còn trên biểu mẫu: hãy chọn lại tối đa %(max)s tệp rồi lưu, "
        "các tệp còn lại thêm ở lần lưu sau."
    ) % {"max": limit, "count": count}
    failures = getattr(request, "upload_failures", None) or {}
    for name, uploads in list(request.FILES.lists()):
        failures.setdefault(name, message)
        for upload in uploads:
            upload.close()
    request.FILES.clear()
    request.upload_failures = failures


class UploadFaultMixin:
    """A save whose files cannot be written (disk full, media or temporary folder
    unwritable) or that carries too many files is undone whole, rows and files, and the form
    comes back with what was typed and a message next to the file fields, instead of a
    server error."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        files = request.FILES if request.method == "POST" else None
        if files:
            _refuse_too_many_files(request)
        if files and not getattr(request, "upload_failures", None):
            with upload_journal() as written:
                try:
                    # Django's view runs in a transaction: the exception rolls its rows back.
                    return super().changeform_view(request, object_id, form_url, extra_context)
                except StorageWriteError as error:
                    remove_written(written)
                    request.upload_failures = {None: error.message}
        # A refused upload: the same submission, refused by its forms, shown as typed.
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        failures = getattr(request, "upload_failures", None)
        return _refusing_upload(form, failures) if failures else form

    def get_formsets_with_inlines(self, request, obj=None):
        failures = getattr(request, "upload_failures", None)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if failures:
                form = _refusing_upload(formset.form, failures)
                formset = type(formset.__name__, (formset,), {"form": form})
            yield formset, inline
