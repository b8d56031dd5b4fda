"""What every admin form with file fields shares: a save whose files cannot be stored."""

from django import forms

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


class UploadFaultMixin:
    """A save whose files cannot be written (disk full, media or temporary folder
    unwritable) is undone whole, rows and files, and the form comes back with what was typed
    and a message next to the file fields, instead of a server error."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        files = request.FILES if request.method == "POST" else None
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
