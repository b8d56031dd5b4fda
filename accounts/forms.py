from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator


class AdminLoginForm(AdminAuthenticationForm):
    """Django's admin sign-in, with the user name's length checked before anything is looked
    up: Django only sets the input's maxlength, and django-axes records every failed name in
    a column of 255 characters (PostgreSQL refused a longer one with a server error)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length or 150))
