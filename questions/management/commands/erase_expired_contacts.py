from django.conf import settings
from django.core.management.base import BaseCommand

from questions.erasure import erase_expired


class Command(BaseCommand):
    help = (
        "Xoá thông tin liên hệ của người hỏi khi câu hỏi đã trả lời hoặc khép lại quá "
        "QUESTIONS_CONTACT_RETENTION_DAYS ngày (hoặc bỏ dở chưa trả lời quá thời hạn đó)."
    )

    def handle(self, *args, **options):
        count = erase_expired()
        self.stdout.write(
            f"Đã xoá thông tin liên hệ của {count} câu hỏi "
            f"(thời hạn lưu {settings.QUESTIONS_CONTACT_RETENTION_DAYS} ngày)."
        )
