from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from documents.models import Document
from identity.models import SiteIdentity


class LatestDocumentsFeed(Feed):
    """The newest documents of the register (absolute addresses as the news feed makes
    them: Django's syndication framework, from the request)."""

    feed_type = Rss201rev2Feed

    def title(self):
        return _("Văn bản – %(site)s") % {"site": SiteIdentity.load().name}

    def link(self):
        return reverse("documents:list")

    def description(self):
        return _("Văn bản mới ban hành của %(site)s") % {"site": SiteIdentity.load().name}

    def items(self):
        return Document.objects.select_related("type", "issuer")[:30]

    def item_title(self, item):
        return f"{item.type.name} {item.number_symbol}"

    def item_description(self, item):
        return item.abstract

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.issued_on, time.min))

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.issuer.name

    def item_categories(self, item):
        return [item.type.name, item.get_status_display()]
