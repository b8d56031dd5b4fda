"""The portal's admin site: Django's, with its "view on site" redirect checked per object,
a sign-in form that checks the user name's length first, and the portal's titles.

The app config is here, not in apps.py: a second AppConfig there would make Django pick
neither for the culture_portal app.
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class PortalAdminConfig(AdminConfig):
    default_site = "culture_portal.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.admin.templatetags import admin_list

        # Django writes a yes/no icon's alt text as the Python value ("True", "False",
        # "None"), untranslated: screen readers read it out. Every caller imports the
        # function from this module when it runs, so replacing it here reaches them all.
        admin_list._boolean_icon = boolean_icon
        # The rows Django makes for many-to-many links (a user's groups, an article's
        # institutions) are listed when a deletion is confirmed, named by class names:
        # "user-group relationship: User_groups object (3)".
        for model in apps.get_models(include_auto_created=True):
            if model._meta.auto_created:
                ends = [f.related_model._meta for f in model._meta.fields if f.is_relation]
                names = [end.verbose_name for end in ends]
                model._meta.verbose_name = format_lazy(_("liên kết {} – {}"), *names)
                model._meta.verbose_name_plural = model._meta.verbose_name
                model.__str__ = link_row_name


def link_row_name(row) -> str:
    """A many-to-many link row by the two things it links: "Nguyễn Thị Lan – Biên tập viên"."""
    ends = [f for f in row._meta.fields if f.is_relation]
    return " – ".join(str(getattr(row, f.name)) for f in ends)


def boolean_icon(value):
    name, label = {
        True: ("yes", _("Có")),
        False: ("no", _("Không")),
        None: ("unknown", _("Chưa rõ")),
    }[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{name}.svg"), label)


class PortalAdminSite(admin.AdminSite):
    site_header = _("Quản trị cổng thông tin")
    site_title = _("Quản trị cổng thông tin")
    index_title = _("Quản lý nội dung")

    def index(self, request, extra_context=None):
        """The home page opens with what waits for the signed-in staff member."""
        from navigation.tasks import tasks_for

        return super().index(request, {"tasks": tasks_for(request.user), **(extra_context or {})})

    @property
    def login_form(self):
        # Imported here: this module is read while the apps are being loaded.
        from accounts.forms import AdminLoginForm

        return AdminLoginForm

    def get_urls(self):
        return [
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            )
            if getattr(pattern, "name", None) == "view_on_site"
            else pattern
            for pattern in super().get_urls()
        ]

    def view_on_site(self, request, content_type_id, object_id):
        """Redirect to an object's public address, for those who may see the object here.

        Django's redirect answers any staff member about any object, and the address of a
        draft article is its slug, made from its title.
        """
        from django.contrib.contenttypes import views as contenttype_views
        from django.contrib.contenttypes.models import ContentType

        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self._registry.get(model)
        obj = model_admin.get_object(request, unquote(object_id)) if model_admin else None
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)
