from django.db.models import Max
from django.urls import reverse

from navigation.sitemaps import SiteSitemap
from questions.models import Question


class QuestionSitemap(SiteSitemap):
    changefreq = "monthly"
    limit = 1000

    def items(self):
        return (
            Question.objects.published().order_by("-answered_at", "-pk").values("pk", "updated_at")
        )

    def location(self, item):
        return reverse("questions:detail", kwargs={"pk": item["pk"]})

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]
