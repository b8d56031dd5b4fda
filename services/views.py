from itertools import groupby

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from services.models import Procedure


class ProcedureListView(BreadcrumbsMixin, TemplateView):
    """The department's procedures by field, each a link to a public-service portal."""

    template_name = "services/procedure_list.html"

    def get_context_data(self, **kwargs):
        procedures = Procedure.objects.active().select_related("field")
        groups = [
            {"field": field, "procedures": list(items)}
            for field, items in groupby(procedures, key=lambda p: p.field)
        ]
        return super().get_context_data(
            groups=groups, updated=max((p.updated_at for p in procedures), default=None), **kwargs
        )

    def get_breadcrumbs(self):
        return [Crumb(_("Thủ tục hành chính"))]
