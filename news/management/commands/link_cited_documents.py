from django.core.management.base import BaseCommand
from django.db import transaction

from news.citing import link_cited_documents
from news.models import Article


class Command(BaseCommand):
    help = (
        "Tìm lại văn bản được dẫn (số, ký hiệu) trong mọi tin bài: dùng sau khi nhập "
        "nhiều văn bản vào sổ, để tin đã đăng trước đó liên kết tới chúng."
    )

    def handle(self, *args, **options):
        linked = 0
        for article in Article.objects.only("pk", "title", "lead", "body", "published_at"):
            with transaction.atomic():
                linked += bool(link_cited_documents(article))
        self.stdout.write(self.style.SUCCESS(f"{linked} tin bài dẫn văn bản có trong sổ."))
