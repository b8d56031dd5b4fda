import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from institutions.importing import import_official_units, import_units_csv


class Command(BaseCommand):
    help = (
        "Nhập 34 tỉnh, thành phố và các xã, phường hiện nay (gói vietnam-provinces); "
        "với --csv, nhập thêm đơn vị cũ (huyện, xã, thôn…) từ tệp CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", type=Path, help="tệp CSV các đơn vị (xem README.md)")

    def handle(self, *args, **options):
        if options["csv"]:
            path = options["csv"]
            try:
                text = path.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                raise CommandError(f"Không tìm thấy tệp {path}.") from None
            except UnicodeDecodeError:
                raise CommandError(f"Tệp {path} không phải văn bản UTF-8.") from None
            report = import_units_csv(text)
        else:
            report = import_official_units(progress=self.progress)
            self.stdout.write("")
        for error in report.errors:
            self.stderr.write(self.style.ERROR(error))
        self.stdout.write(
            self.style.SUCCESS(
                f"Thêm mới {report.created}, cập nhật {report.updated}, "
                f"giữ nguyên {report.unchanged}, lỗi {len(report.errors)}."
            )
        )
        if report.errors:
            sys.exit(1)

    def progress(self, done, total):
        width = 30
        filled = width * done // total
        self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
