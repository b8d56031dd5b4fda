import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from navigation.site import absolute_url
from news.models import Article, Category


class HomeView(TemplateView):
    """The home page. Everything below its title shows news only, and is a fragment kept
    between requests (templates/home.html), keyed by the news' version: its articles are
    read only when that fragment is rendered (`featured`, `latest`, `categories`)."""

    template_name = "home.html"

    @cached_property
    def kept(self) -> bool:
        """Whether the fragment is kept: not for signed-in staff, who always see the news as
        the database has it (as the whole-page cache leaves them live pages)."""
        return not self.request.user.is_authenticated

    @cached_property
    def featured(self) -> list[Article]:
        return list(Article.objects.published().for_listing().filter(is_featured=True)[:4])

    @cached_property
    def latest(self) -> list[Article]:
        # Headlines only: title, link and date.
        return list(
            Article.objects.published()
            .exclude(pk__in=[a.pk for a in self.featured])
            .only("title", "slug", "published_at")[:8]
        )

    @cached_property
    def categories(self) -> list[Category]:
        return Category.objects.with_latest_articles(4)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    return HttpResponsePermanentRedirect(static("img/emblem.svg"))


@never_cache
@require_safe
def healthz(request):
    """For a load balancer: 200 when the database answers (503 otherwise); the cache's state
    is reported too, but a cache outage does not take the server out (pages still work)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        database = "error"
    probe = f"healthz-{uuid.uuid4().hex}"
    cache.set(probe, "ok", 10)
    cache_state = "ok" if cache.get(probe) == "ok" else "error"
    cache.delete(probe)
    status = 200 if database == "ok" else 503
    return JsonResponse({"database": database, "cache": cache_state}, status=status)
