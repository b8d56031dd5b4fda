"""Drafts for comment in the search index: found by the site search (tab "Dự thảo") by the
words of their title, abstract, drafting office and summary."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import Draft
from search import index


@index.register
class DraftSource(index.Source):
    kind = "consultation"
    model = "consultations.Draft"
    label = _("Dự thảo")
    slug = "du-thao"
    shows_date = True
    follows = (index.Follow("agency.Office", ("office",), ("name",)),)
    newest_title = _("Dự thảo mới lấy ý kiến")
    newest_template = "consultations/includes/search_card.html"
    browse_url_name = "consultations:list"
    browse_label = _("Xem các dự thảo")

    def queryset(self):
        return Draft.objects.select_related("office")

    def entry(self, draft) -> index.Entry:
        opens = timezone.make_aware(datetime.combine(draft.opens_on, time.min))
        return index.Entry(
            title=draft.title,
            url=draft.get_absolute_url(),
            date=opens,
            label=str(draft.office),
            text=draft.abstract,
            words=(str(draft.office), draft.summary),
            public=draft.is_published,
        )

    def newest(self, count):
        return list(Draft.objects.published().for_listing()[:count])
