from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agency import demo as agency_demo
from documents import demo as documents_demo
from identity import demo as identity_demo
from institutions import demo as institutions_demo
from institutions.importing import import_official_units
from news import demo as news_demo
from schedule import demo as schedule_demo
from services import demo as services_demo
from uploads.storage import StorageWriteError, remove_written, upload_journal
from work_plans import demo as work_plans_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại nhiều lần không tạo bản trùng)."

    def handle(self, *args, **options):
        with upload_journal() as written:
            try:
                news, institutions, units, plans, agency = self.load()
            except StorageWriteError as error:
                remove_written(written)  # the rows are rolled back: their photos go too
                raise CommandError(
                    f"Không ghi được ảnh mẫu {error.filename}: {error.reason}. "
                    "Chưa nạp gì; chạy lại lệnh khi đã có chỗ trống."
                ) from None
        self.report(news, institutions, units, plans, agency)

    def load(self):
        with transaction.atomic():
            identity_demo.load()
            # The register first: articles that cite its documents link them when saved.
            documents = documents_demo.load()
            news = news_demo.load()
            institutions = institutions_demo.load()
            units = import_official_units()
            plans = work_plans_demo.load()
            agency = {
                **agency_demo.load(),
                **documents,
                **schedule_demo.load(),
                **services_demo.load(),
            }
        return news, institutions, units, plans, agency

    def report(self, news, institutions, units, plans, agency):
        self.stdout.write(
            self.style.SUCCESS(
                f"Dữ liệu mẫu: {news['articles']} tin bài, "
                f"{institutions['institutions']} thiết chế, "
                f"{units.created + units.updated + units.unchanged} đơn vị hành chính hiện nay, "
                f"{plans['plans']} kế hoạch công tác, "
                f"{agency['documents']} văn bản, {agency['weeks']} tuần lịch công tác, "
                f"{agency['leaders']} lãnh đạo, {agency['offices']} phòng, đơn vị, "
                f"{agency['procedures']} thủ tục hành chính."
            )
        )
        if settings.DEBUG:
            self.stdout.write("Tài khoản mẫu (chỉ dùng thử trên máy của bạn):")
            accounts = news["accounts"] + institutions["accounts"] + agency["accounts"]
            for username, role, password in accounts:
                self.stdout.write(
                    f"  {role:<22} tên đăng nhập: {username:<12} mật khẩu: {password}"
                )
            self.stdout.write("Trang quản trị: http://127.0.0.1:8000/admin/")
        else:
            self.stdout.write("Tài khoản mẫu đã được tạo; mật khẩu chỉ hiện khi DEBUG bật.")
