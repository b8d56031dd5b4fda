from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from consultations import moderation
from consultations.forms import SCOPE, CommentForm, privacy_notice
from consultations.models import BODY_MAX_LENGTH, Draft, DraftFile
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin
from public_forms import limits
from public_forms.pages import private_page
from vietnamese.text import vietnamese_slugify

COMMENTS_PER_PAGE = 30


def drafts_crumb() -> Crumb:
    return Crumb(_("Góp ý dự thảo"), reverse("consultations:list"))


def _with_counts(queryset):
    return queryset.annotate(
        shown_comments=Count("comments", filter=Q(comments__status="approved"))
    )


class DraftListView(BreadcrumbsMixin, ElidedPageRangeMixin, ListView):
    """Drafts open for comment (and announced ones) first, then the closed ones, newest
    first, paginated."""

    paginate_by = 20
    page_cache_params = ("page",)
    template_name = "consultations/draft_list.html"
    context_object_name = "closed_drafts"

    def get_queryset(self):
        return _with_counts(Draft.objects.closed_on(timezone.localdate()).for_listing())

    def get_context_data(self, **kwargs):
        current = Draft.objects.not_closed_on(timezone.localdate()).for_listing()
        return super().get_context_data(open_drafts=_with_counts(current), **kwargs)

    def get_breadcrumbs(self):
        return [Crumb(_("Góp ý dự thảo"))]


class DraftDetailView(BreadcrumbsMixin, ElidedPageRangeMixin, DetailView):
    page_cache_params = ("page",)
    template_name = "consultations/draft_detail.html"
    context_object_name = "draft"

    def get_queryset(self):
        return (
            Draft.objects.published()
            .select_related("office", "document__type")
            .prefetch_related("files")
        )

    def get_context_data(self, **kwargs):
        comments = self.object.comments.approved().only(
            "name", "section", "body", "submitted_at", "draft_id"
        )
        paginator = Paginator(comments.order_by("submitted_at", "pk"), COMMENTS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page, comments=page.object_list, paginator=paginator, **kwargs
        )

    def get_breadcrumbs(self):
        return [drafts_crumb(), Crumb(self.object.title)]


def _closed_response(request, draft, *, status: int):
    """The page that says comments are not taken now, and why; a comment sent anyway is
    shown back, so that its writer keeps what they typed."""
    return render(
        request,
        "consultations/comment_closed.html",
        {
            "draft": draft,
            "typed": request.POST.get("body", "")[:BODY_MAX_LENGTH],
            "breadcrumbs": [drafts_crumb(), Crumb(draft.title, draft.get_absolute_url())],
        },
        status=status,
    )


@private_page
def comment(request, slug):
    """The comment form of a draft open for comments. Kept by no cache, nginx's included:
    it carries the visitor's own CSRF token and the form's signed time."""
    draft = get_object_or_404(Draft.objects.published().select_related("office"), slug=slug)
    if not draft.is_open:
        # A form opened before midnight and sent after the period closed lands here too.
        return _closed_response(request, draft, status=403 if request.method == "POST" else 200)
    context = {
        "draft": draft,
        "notice": privacy_notice(settings.CONSULTATION_CONTACT_RETENTION_DAYS),
        "breadcrumbs": [
            drafts_crumb(),
            Crumb(draft.title, draft.get_absolute_url()),
            Crumb(_("Gửi góp ý")),
        ],
    }
    template = "consultations/comment_form.html"
    if request.method != "POST":
        return render(request, template, {**context, "form": CommentForm()})
    refusal = limits.take_address(request, SCOPE)
    if refusal:
        # Refused before it is read; what was typed comes back, to be sent later.
        form = CommentForm.refilled(request.POST)
        return limits.too_many(request, template, {**context, "form": form}, refusal)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render(request, template, {**context, "form": form})
    refusal = limits.take_contact(SCOPE, *form.contacts())
    if refusal:
        return limits.too_many(request, template, {**context, "form": form}, refusal)
    received = form.save(commit=False)
    received.draft = draft
    moderation.receive_comment(received, link_heavy=form.is_link_heavy())
    return redirect("consultations:comment-received", slug=draft.slug)


def comment_received(request, slug):
    """The acknowledgement after a comment is sent: the same for everyone (it names no one),
    so it may be cached."""
    draft = get_object_or_404(Draft.objects.published(), slug=slug)
    context = {
        "draft": draft,
        "breadcrumbs": [
            drafts_crumb(),
            Crumb(draft.title, draft.get_absolute_url()),
            Crumb(_("Đã nhận góp ý")),
        ],
    }
    return render(request, "consultations/comment_received.html", context)


def draft_file(request, slug, pk):
    """A draft's file, with its type and a readable name: a PDF opens in the browser, a Word
    file is downloaded."""
    file = get_object_or_404(
        DraftFile.objects.select_related("draft").filter(draft__status="published"), pk=pk
    )
    if file.draft.slug != slug:
        raise Http404
    try:
        stored = file.file.open("rb")
    except (OSError, ValueError):
        raise Http404 from None
    stem = vietnamese_slugify(file.draft.title, max_length=60) or "du-thao"
    suffix = f"-{vietnamese_slugify(file.title, max_length=40)}" if file.title else ""
    response = FileResponse(
        stored,
        content_type=file.content_type,
        as_attachment=file.format != "pdf",
        filename=f"{stem}{suffix}.{file.format}",
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
