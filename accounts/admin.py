"""Staff accounts and groups in the admin, listed in Vietnamese alphabetical order."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from vietnamese.sorting import SortKey


class PortalUserAdmin(UserAdmin):
    list_display = ["username", "__str__", "email", "is_staff", "is_active"]
    ordering = [SortKey("first_name"), SortKey("last_name"), "username"]


class PortalGroupAdmin(GroupAdmin):
    ordering = [SortKey("name")]


admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, PortalGroupAdmin)
