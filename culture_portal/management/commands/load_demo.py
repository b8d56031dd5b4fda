from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import demo as demo_accounts
from agency import demo as agency_demo
from consultations import demo as consultations_demo
from documents import demo as documents_demo
from identity import demo as identity_demo
from institutions import demo as institutions_demo
from institutions.importing import import_official_units
from news import demo as news_demo
from questions import demo as questions_demo
from schedule import demo as schedule_demo
from services import demo as services_demo
from uploads.storage import StorageWriteError, remove_written, upload_journal
from work_plans import demo as work_plans_demo


def has_content() -> bool:
    from institutions.models import Institution
    from news.models import Article

    return Article.objects.exists() or Institution.objects.exists()


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu: tạo những gì còn thiếu, không sửa dòng đã có "
        "(chạy lại nhiều lần không tạo bản trùng)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only-into-empty",
            action="store_true",
            help="chỉ nạp khi cơ sở dữ liệu chưa có nội dung (tin bài, thiết chế)",
        )

    def handle(self, *args, only_into_empty=False, **options):
        if only_into_empty and has_content():
            self.stdout.write("Cơ sở dữ liệu đã có nội dung: không nạp dữ liệu mẫu.")
            return
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
                **questions_demo.load(),
            }
            # After the agency (the drafting office) and the register (the issued document).
            agency.update(consultations_demo.load())
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
                f"{agency['procedures']} thủ tục hành chính, "
                f"{agency['questions']} câu hỏi ({agency['answered_questions']} đã trả lời), "
                f"{agency['drafts']} dự thảo lấy ý kiến."
            )
        )
        accounts = news["accounts"] + institutions["accounts"] + agency["accounts"]
        if not settings.DEBUG:
            self.stdout.write(
                "DEBUG tắt nên tài khoản mẫu không được đặt mật khẩu: tài khoản mới tạo không "
                "đăng nhập được, tài khoản đã có giữ nguyên. Mật khẩu ngẫu nhiên chỉ được đặt và "
                "in khi DEBUG bật (make run); hoặc tự đặt: manage.py changepassword <tên>."
            )
            return
        passwords = demo_accounts.give_passwords([username for username, _role in accounts])
        self.stdout.write(
            "Tài khoản mẫu (chỉ dùng thử trên máy của bạn; mật khẩu riêng của CSDL này):"
        )
        for username, role in accounts:
            password = passwords[username] or (
                f"(đã đặt trước đây, không lưu trên máy này; đặt lại: "
                f"manage.py changepassword {username})"
            )
            self.stdout.write(f"  {role:<22} tên đăng nhập: {username:<12} mật khẩu: {password}")
