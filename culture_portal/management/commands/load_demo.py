from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from identity import demo as identity_demo
from institutions import demo as institutions_demo
from institutions.importing import import_official_units
from news import demo as news_demo
from uploads.storage import StorageWriteError, remove_written, upload_journal
from work_plans import demo as work_plans_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại nhiều lần không tạo bản trùng)."

    def handle(self, *args, **options):
        with upload_journal() as written:
            try:
                news, institutions, units, plans = self.load()
            except StorageWriteError as error:
                remove_written(written)  # the rows are rolled back: their photos go too
                raise CommandError(
                    f"Không ghi được ảnh mẫu {error.filename}: {error.reason}. "
                    "Chưa nạp gì; chạy lại lệnh khi đã có chỗ trống."
                ) from None
        self.report(news, institutions, units, plans)

    def load(self):
        with transaction.atomic():
            identity_demo.load()
            news = news_demo.load()
            institutions = institutions_demo.load()
            units = import_official_units()
            plans = work_plans_demo.load()
        return news, institutions, units, plans

    def report(self, news, institutions, units, plans):
        self.stdout.write(
            self.style.SUCCESS(
                f"Dữ liệu mẫu: {news['articles']} tin bài, "
                f"{institutions['institutions']} thiết chế, "
                f"{units.created + units.updated + units.unchanged} đơn vị hành chính hiện nay, "
                f"{plans['plans']} kế hoạch công tác."
            )
        )
        if settings.DEBUG:
            self.stdout.write("Tài khoản mẫu (chỉ dùng thử trên máy của bạn):")
            for username, role, password in news["accounts"] + institutions["accounts"]:
                self.stdout.write(
                    f"  {role:<22} tên đăng nhập: {username:<12} mật khẩu: {password}"
                )
        else:
            self.stdout.write("Tài khoản mẫu đã được tạo; mật khẩu chỉ hiện khi DEBUG bật.")
