"""How the portal names people and permissions: as staff read them."""

from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Django names its built-in permissions in English when it creates them ("Can add user").
ACTIONS = {"add": _("Thêm"), "change": _("Sửa"), "delete": _("Xoá"), "view": _("Xem")}


def person_name(user) -> str:
    """ "Nguyễn Thị Lan": family name (last_name) before given names (first_name), as
    Vietnamese names are written; the user name only for an account with no name."""
    parts = (user.last_name.strip(), user.first_name.strip())
    return " ".join(part for part in parts if part) or user.get_username()


def permission_label(permission) -> str:
    """ "Tin tức | Sửa tin bài": the app and the act, in the words of the models' names."""
    content_type = permission.content_type
    model = content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is not None and action in ACTIONS and model_name == model._meta.model_name:
        name = f"{ACTIONS[action]} {model._meta.verbose_name}"
    else:
        name = gettext(permission.name)
    app = model._meta.app_config.verbose_name if model is not None else content_type.app_label
    return f"{capfirst(app)} | {capfirst(name)}"
