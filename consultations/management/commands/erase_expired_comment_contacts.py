from django.conf import settings
from django.core.management.base import BaseCommand

from consultations.moderation import erase_expired_contacts


class Command(BaseCommand):
    help = (
        "Xoá thư điện tử, số điện thoại của người góp ý dự thảo khi dự thảo đã hết hạn góp ý "
        "quá CONSULTATION_CONTACT_RETENTION_DAYS ngày (Nghị định 13/2023/NĐ-CP)."
    )

    def handle(self, *args, **options):
        days = settings.CONSULTATION_CONTACT_RETENTION_DAYS
        erased = erase_expired_contacts(retention_days=days)
        self.stdout.write(
            f"Đã xoá thông tin liên hệ của {erased} góp ý dự thảo "
            f"(dự thảo hết hạn góp ý quá {days} ngày)."
        )
