from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from documents.files import download_name
from documents.filters import DocumentFilter
from documents.models import Document, DocumentFile
from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from navigation.pagination import ElidedPageRangeMixin


def register_crumb() -> Crumb:
    return Crumb(_("Văn bản"), reverse("documents:list"))


class DocumentListView(BreadcrumbsMixin, ElidedPageRangeMixin, FilterView):
    filterset_class = DocumentFilter
    paginate_by = 20
    page_cache_params = (*DocumentFilter.base_filters, "page")
    strict = False
    template_name = "documents/document_list.html"

    def get_queryset(self):
        return Document.objects.for_listing()

    def get_breadcrumbs(self):
        return [Crumb(_("Văn bản"))]


class DocumentDetailView(BreadcrumbsMixin, DetailView):
    template_name = "documents/document_detail.html"

    def get_queryset(self):
        return Document.objects.select_related(
            "type", "issuer", "field", "replaced_by__type"
        ).prefetch_related("files")

    def get_context_data(self, **kwargs):
        document = self.object
        # The articles reached through the reverse relation: documents does not import news.
        articles = (
            document.citing_articles.published()
            .only("title", "slug", "published_at")
            .order_by("-published_at")[:20]
        )
        return super().get_context_data(
            replaces=document.replaces.select_related("type"),
            amended_by=document.amended_by.select_related("type"),
            amends=document.amends.select_related("type"),
            articles=articles,
            **kwargs,
        )

    def get_breadcrumbs(self):
        return [register_crumb(), Crumb(str(self.object))]


def document_file(request, slug, pk):
    """A document's file, with its type and a readable name: a PDF opens in the browser,
    a Word file is downloaded."""
    file = get_object_or_404(DocumentFile.objects.select_related("document"), pk=pk)
    if file.document.slug != slug:
        raise Http404
    try:
        stored = file.file.open("rb")
    except (OSError, ValueError):
        raise Http404 from None
    response = FileResponse(
        stored,
        content_type=file.content_type,
        as_attachment=file.format != "pdf",
        filename=download_name(file.document, file),
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
