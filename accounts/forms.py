from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class AdminLoginForm(AdminAuthenticationForm):
    """Django's admin sign-in, with the user name's length checked before anything is looked
    up: Django only sets the input's maxlength, and django-axes records every failed name in
    a column of 255 characters (PostgreSQL refused a longer one with a server error).

    A try refused before its password check (too many at once across the site) gets a
    message; a successful one marks the browser as a known device for the account (set on
    the response by accounts.signed_in.SignedInMarkerMiddleware)."""

    busy_message = _("Hệ thống đang nhận quá nhiều lượt đăng nhập. Vui lòng thử lại sau ít giây.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length or 150))

    def clean(self):
        try:
            cleaned_data = super().clean()
        except ValidationError:
            if getattr(self.request, "sign_in_busy", False):
                raise ValidationError(self.busy_message, code="busy") from None
            raise
        if self.user_cache is not None and self.request is not None:
            self.request.signed_in_as = self.user_cache.get_username()
        return cleaned_data
