from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp tải lên vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="tệp sao lưu sẽ tạo, ví dụ backup.tar.gz")

    def handle(self, *args, path, **options):
        try:
            manifest = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu {manifest['objects']} bản ghi, "
                f"{manifest['media_files']} tệp công khai, "
                f"{manifest['private_files']} tệp nội bộ vào {path}."
            )
        )
