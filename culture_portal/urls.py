from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from consultations.sitemaps import DraftSitemap
from culture_portal import views
from culture_portal.sitemaps import StaticPagesSitemap, kept
from documents.sitemaps import DocumentSitemap
from institutions.sitemaps import InstitutionSitemap
from navigation.sitemaps import index as sitemap_index
from news.sitemaps import ArticleSitemap, CategorySitemap
from page_cache.canonical import reads_query
from page_cache.middleware import watched_labels
from questions.sitemaps import QuestionSitemap
from search.views import SearchView
from uploads.views import media

sitemaps = {
    "pages": StaticPagesSitemap,  # the home page, lists and the agency's pages: every kind
    "categories": CategorySitemap,
    "articles": ArticleSitemap,
    "institutions": InstitutionSitemap,
    "documents": DocumentSitemap,
    "questions": QuestionSitemap,
    "drafts": DraftSitemap,
}


def section_kinds(section: str) -> list[str]:
    """The kinds of content a sitemap section lists: its sitemap's app, or every kind."""
    sitemap = sitemaps.get(section)
    app = sitemap.__module__.partition(".")[0] if sitemap else ""
    return [app] if app in watched_labels() else watched_labels()


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("tin-tuc/", include("news.urls")),
    path("thiet-che/", include("institutions.urls")),
    path("ke-hoach/", include("work_plans.urls")),
    path("van-ban/", include("documents.urls")),
    path("lich-cong-tac/", include("schedule.urls")),
    path("thu-tuc-hanh-chinh/", include("services.urls")),
    path("hoi-dap/", include("questions.urls")),
    path("du-thao/", include("consultations.urls")),
    path("tim-kiem/", SearchView.as_view(), name="search"),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # An index of sections, each paginated (news: 1,000 addresses a page).
    path(
        "sitemap.xml",
        kept(sitemap_index, lambda section: watched_labels()),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        reads_query("p")(kept(sitemap_views.sitemap, section_kinds)),
        {"sitemaps": sitemaps, "template_name": "sitemap_section.xml"},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
]

# The agency's introduction in Vietnamese (/gioi-thieu/) and in English (/en/about/): the
# only pages with an English twin. Every other address stays Vietnamese whatever the
# browser asks (LocaleMiddleware: an unprefixed path is the default language).
urlpatterns += i18n_patterns(
    path(_("gioi-thieu/"), include("agency.urls")), prefix_default_language=False
)

if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media"))

handler400 = "culture_portal.middleware.bad_request"
handler500 = "culture_portal.middleware.server_error"
