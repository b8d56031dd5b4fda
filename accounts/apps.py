from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Permission

        from accounts.names import permission_label, person_name

        # Everywhere the admin names a user (who saved a version, who sent a change, list
        # columns, filters, messages) it prints str(user): Django's is the user name
        # ("duyettin"). Staff read people by their full names.
        get_user_model().__str__ = person_name
        # And permissions (group and user forms, deletion summaries) by Vietnamese names.
        Permission.__str__ = permission_label
