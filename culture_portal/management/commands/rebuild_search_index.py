from django.core.management.base import BaseCommand

from culture_portal import search_index


class Command(BaseCommand):
    help = (
        "Dựng lại chỉ mục tìm kiếm từ các tin đã đăng và các thiết chế "
        "(sau khi nhập dữ liệu hàng loạt hoặc khôi phục)."
    )

    def handle(self, *args, **options):
        def progress(count):
            if options["verbosity"] > 1:
                self.stdout.write(f"  {count} mục…")

        count = search_index.rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Đã dựng lại chỉ mục tìm kiếm: {count} mục."))
