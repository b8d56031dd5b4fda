from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = (
        "Dựng lại chỉ mục tìm kiếm từ nội dung hiện có "
        "(sau khi nhập dữ liệu hàng loạt hoặc khôi phục)."
    )

    def handle(self, *args, **options):
        def progress(count):
            if options["verbosity"] > 1:
                self.stdout.write(f"  {count} mục…")

        count = index.rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Đã dựng lại chỉ mục tìm kiếm: {count} mục."))
