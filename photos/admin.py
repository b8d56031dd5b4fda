"""What the admin's photo inlines share."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class PhotoInlineMixin:
    """A photo inline shows a small preview of each stored photo beside its file field."""

    readonly_fields = ["thumbnail"]

    @admin.display(description=_("xem trước"))
    def thumbnail(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html('<img src="{}" alt="" width="160" style="height:auto">', photo.src(320))
