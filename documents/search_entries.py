"""Documents in the search index: found by the site search (tab "Văn bản") and by the
register's own search box, by their number and symbol however typed and by the words of
their abstract, type, issuer, signer and field."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents import numbering
from documents.models import Document
from search import index


@index.register
class DocumentSource(index.Source):
    kind = "document"
    model = "documents.Document"
    label = _("Văn bản")
    slug = "van-ban"
    shows_date = True
    follows = (
        index.Follow("documents.DocumentType", ("type",), ("name",)),
        index.Follow("documents.Issuer", ("issuer",), ("name",)),
        index.Follow("documents.Field", ("field",), ("name",)),
    )
    newest_title = _("Văn bản mới ban hành")
    newest_template = "documents/includes/search_card.html"
    browse_url_name = "documents:list"
    browse_label = _("Xem sổ văn bản")

    def queryset(self):
        return Document.objects.select_related("type", "issuer", "field")

    def entry(self, document) -> index.Entry:
        issued = timezone.make_aware(datetime.combine(document.issued_on, time.min))
        return index.Entry(
            title=f"{document.type.name} {document.number_symbol}",
            url=document.get_absolute_url(),
            date=issued,
            label=document.issuer.name,
            text=document.abstract,
            words=(
                numbering.number_key(document.number_symbol),
                document.issuer.name,
                document.signer,
                document.field.name if document.field_id else "",
            ),
        )

    def newest(self, count):
        return list(Document.objects.for_listing()[:count])
