import uuid

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.paginator import Paginator
from django.db import connection
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from django.views.static import serve as static_serve

from culture_portal.models import SearchEntry
from culture_portal.search import (
    COUNT_LIMIT,
    MAX_QUERY_CHARS,
    MAX_WORDS,
    MIN_CHARS,
    Query,
    Results,
    highlight,
    snippet,
)
from culture_portal.storage import served_type
from news.models import Article, Category


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        published = Article.objects.published()
        featured = list(published.for_listing().filter(is_featured=True)[:4])
        # Headlines only: title, link and date.
        latest = list(
            published.exclude(pk__in=[a.pk for a in featured]).only(
                "title", "slug", "published_at"
            )[:8]
        )
        return super().get_context_data(
            featured=featured,
            latest=latest,
            categories=Category.objects.with_latest_articles(4),
            **kwargs,
        )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def media(request, path):
    """Uploaded photos, when SERVE_MEDIA is on (otherwise the front proxy serves them)."""
    if not settings.SERVE_MEDIA:
        raise Http404
    if isinstance(default_storage, FileSystemStorage):
        response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    else:
        # Object storage: read through the storage API (any app server serves any upload).
        if path.startswith("/") or ".." in path.split("/"):
            raise Http404
        try:
            stored = default_storage.open(path, "rb")
        except (OSError, ValueError, BotoCoreError, ClientError):  # missing, or unreachable
            raise Http404 from None
        response = FileResponse(stored)
    response["Content-Type"], response["Content-Disposition"] = served_type(path)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


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


class KnownCountPaginator(Paginator):
    """A paginator told its count (the search has its candidates in hand)."""

    def __init__(self, object_list, per_page, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class SearchView(TemplateView):
    """/tim-kiem/?q=…&loai=tin-tuc|thiet-che: published news and institutions together."""

    template_name = "search.html"
    paginate_by = 10
    kinds = {"tin-tuc": SearchEntry.Kind.NEWS, "thiet-che": SearchEntry.Kind.INSTITUTION}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = Query.parse(self.request.GET.get("q"))
        kind_param = str(self.request.GET.get("loai", ""))
        kind = self.kinds.get(kind_param)
        notices = []
        if kind_param and kind is None:
            notices.append(_("Không có loại kết quả này; đang hiện mọi loại."))
        if query.truncated:
            notices.append(
                _("Từ khoá quá dài: chỉ tìm theo %(words)d từ đầu tiên (tối đa %(chars)d ký tự).")
                % {"words": MAX_WORDS, "chars": MAX_QUERY_CHARS}
            )
        context.update(query=query, kind=kind_param if kind else "", notices=notices)
        if query.is_empty:
            context["problem"] = _("Hãy gõ điều cần tìm: tên thiết chế, địa danh, sự kiện…")
        elif not query.words:
            context["problem"] = _("Từ khoá không có chữ hay số nào để tìm. Hãy gõ bằng chữ.")
        elif not query.is_usable:
            context["problem"] = _("Từ khoá quá ngắn: hãy gõ ít nhất %(n)d chữ cái.") % {
                "n": MIN_CHARS
            }
        else:
            results = Results(query, kind)
            paginator = KnownCountPaginator(
                results.ranked(), self.paginate_by, count=len(results.candidates)
            )
            page = paginator.get_page(self.request.GET.get("page"))
            context.update(
                results=results,
                page_obj=page,
                page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
                hits=[
                    {
                        "entry": entry,
                        "title": highlight(entry.title, query.words),
                        "snippet": snippet(entry.text, query.words),
                    }
                    for entry in page.object_list
                ],
                shown_total=self.shown_count(results.total),
                tab_counts={
                    "all": self.shown_count(results.total_all, results.is_capped),
                    **{k: self.shown_count(n) for k, n in results.counts.items()},
                },
                limited=results.total > len(results.candidates),
            )
            if results.total_all == 0 and len(query.words) > 1:
                context["suggestions"] = self.single_word_suggestions(query)
        if not context.get("hits"):
            context["newest"] = list(Article.objects.published().for_listing()[:4])
        return context

    @staticmethod
    def shown_count(count: int, capped: bool = False) -> str:
        if capped or count > COUNT_LIMIT:
            return f"{COUNT_LIMIT:,}+".replace(",", ".")
        return str(count)

    @staticmethod
    def single_word_suggestions(query: Query) -> list[tuple[str, int]]:
        """What to try instead: the query without its words that find nothing, then each
        word, as typed, that finds something on its own."""
        suggestions = []
        for word in list(dict.fromkeys(query.text.split()))[: MAX_WORDS // 2]:
            alone = Query.parse(word)
            if alone.is_usable and len(alone.words) == 1:
                count = Results(alone).quick_count()
                if count:
                    suggestions.append((word, count))
        if len(suggestions) > 1:
            shorter = " ".join(word for word, _count in suggestions)
            count = Results(Query.parse(shorter)).quick_count()
            if count:
                suggestions.insert(0, (shorter, count))
        return [(word, "100+" if count > 100 else count) for word, count in suggestions]
