"""Procedures in the search index: a citizen searching "hướng dẫn viên du lịch" finds the
procedure and its link to the public-service portal (tab "Thủ tục hành chính")."""

from django.utils.translation import gettext_lazy as _

from search import index
from services.models import Procedure


@index.register
class ProcedureSource(index.Source):
    kind = "procedure"
    model = "services.Procedure"
    label = _("Thủ tục hành chính")
    slug = "thu-tuc"
    follows = (index.Follow("documents.Field", ("field",), ("name",)),)
    browse_url_name = "services:list"
    browse_label = _("Xem danh sách thủ tục hành chính")

    def queryset(self):
        return Procedure.objects.select_related("field")

    def entry(self, procedure) -> index.Entry:
        return index.Entry(
            title=procedure.name,
            url=procedure.get_absolute_url(),
            date=index.UNDATED,
            label=procedure.field.name,
            words=(procedure.code, procedure.field.name),
            public=procedure.is_active,
        )
