"""The introduction, in Vietnamese under /gioi-thieu/ and in English under /en/about/: the
paths are translated (locale/en), so a page's twin is found by Django's translate_url."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from agency import views

app_name = "agency"

urlpatterns = [
    path("", views.PageView.as_view(), name="home"),
    path(_("chuc-nang-nhiem-vu/"), views.FunctionsView.as_view(), name="functions"),
    path(_("lich-su/"), views.HistoryView.as_view(), name="history"),
    path(_("co-cau-to-chuc/"), views.OrganisationView.as_view(), name="organisation"),
    path(_("lanh-dao/"), views.LeadersView.as_view(), name="leaders"),
    path(_("lien-he/"), views.ContactsView.as_view(), name="contacts"),
]
