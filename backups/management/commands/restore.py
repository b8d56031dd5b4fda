from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu mới (đã chạy migrate, chưa có dữ liệu)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="tệp sao lưu .tar.gz")

    def handle(self, *args, path, **options):
        try:
            manifest = restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục {manifest['objects']} bản ghi và {manifest['media_files']} tệp "
                f"từ bản sao lưu ngày {manifest['created'][:10]}."
            )
        )
