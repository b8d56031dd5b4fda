"""`manage.py import_news PATH…`: news from older portals' text exports (see news/importing.py)."""

import textwrap

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from institutions.models import Institution
from news.importing import (
    DEFAULT_SOURCE_LABEL,
    ImportResult,
    collect_files,
    default_category,
    import_file,
)
from news.models import Article, Category

ACTIONS = {
    "created": ("Đã tạo", "Sẽ tạo"),
    "updated": ("Đã cập nhật", "Sẽ cập nhật"),
    "skipped": ("Bỏ qua", "Bỏ qua"),
    "failed": ("Lỗi", "Lỗi"),
}
BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Nhập tin bài từ các tệp văn bản (.txt) xuất từ cổng thông tin cũ. Chạy lại không tạo "
        "trùng: tin đã nhập được cập nhật hoặc bỏ qua."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Tệp .txt hoặc thư mục.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chạy thử: in ra từng trường của tin sẽ tạo, không ghi gì vào cơ sở dữ liệu.",
        )
        parser.add_argument(
            "--status",
            choices=[Article.Status.DRAFT, Article.Status.PUBLISHED],
            default=Article.Status.DRAFT,
            help="draft (mặc định): lưu bản nháp; published: đăng với ngày diễn ra sự kiện. "
            "Tin không có tiêu đề hoặc ngày luôn là bản nháp cần xem lại.",
        )
        parser.add_argument(
            "--category",
            default="tin-hoat-dong",
            metavar="SLUG",
            help="Đường dẫn của chuyên mục cho tin nhập (mặc định: tin-hoat-dong, "
            "tự tạo chuyên mục “Tin hoạt động” nếu chưa có).",
        )
        parser.add_argument(
            "--source-label",
            default=DEFAULT_SOURCE_LABEL,
            help="Tên nguồn ghi ở cuối bài, kèm tên tệp (mặc định: “Cổng thông tin cũ”).",
        )

    def handle(self, *args, paths, dry_run, status, category, source_label, **options):
        self.verbosity = options["verbosity"]
        files, ignored, missing = collect_files(paths)
        if missing:
            raise CommandError(
                "Không tìm thấy: " + ", ".join(str(path) for path in missing) + ". Chưa nhập gì."
            )
        if not files:
            raise CommandError("Không có tệp .txt nào trong các đường dẫn đã cho.")
        found, created_category = default_category(category, create=not dry_run)
        if found is None:
            slugs = ", ".join(Category.objects.values_list("slug", flat=True)) or "chưa có"
            raise CommandError(
                f"Không có chuyên mục “{category}”. Các chuyên mục hiện có: {slugs}."
            )
        if created_category:
            verb = "Sẽ tạo" if dry_run else "Đã tạo"
            self.stdout.write(f"{verb} chuyên mục “{found.name}” cho tin nhập.")

        results: list[ImportResult] = []
        seen: dict = {}
        # The portal's institutions, so that an article is linked to those it names.
        candidates = [(i.name, i) for i in Institution.objects.only("pk", "name")]
        show_bar = len(files) > 1 and not dry_run and self.verbosity > 0
        for number, path in enumerate(files, start=1):
            result = import_file(
                path,
                status=status,
                category=found,
                source_label=source_label,
                dry_run=dry_run,
                seen=seen,
                candidates=candidates,
            )
            results.append(result)
            if dry_run:
                self.describe(result, number, len(files))
            elif result.action == "failed":
                self.clear_bar(show_bar)
                self.stderr.write(f"Lỗi: {path}: {result.reason}")
            elif result.action == "skipped" and self.verbosity > 1:
                self.clear_bar(show_bar)
                self.stdout.write(f"Bỏ qua: {path}: {result.reason}")
            if show_bar:
                self.progress(number, len(files))
        self.clear_bar(show_bar)
        self.summary(results, ignored, dry_run)

        failed = [r for r in results if r.action == "failed"]
        if failed:
            raise CommandError(
                f"{len(failed)} tệp không nhập được (xem lý do ở trên); các tệp khác đã "
                + ("được kiểm tra." if dry_run else "được nhập.")
            )

    def progress(self, done: int, total: int):
        filled = BAR_WIDTH * done // total
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        line = f"Đang nhập [{bar}] {done}/{total} tệp"
        if self.stderr.isatty():
            self.stderr.write(f"\r{line}", ending="")
            self.stderr.flush()
        elif done == total or done * 10 // total != (done - 1) * 10 // total:
            self.stderr.write(line)

    def clear_bar(self, shown: bool):
        if shown and self.stderr.isatty():
            self.stderr.write("\r\033[K", ending="")

    def summary(self, results, ignored, dry_run):
        counts = {action: 0 for action in ACTIONS}
        for result in results:
            counts[result.action] += 1
        column = 1 if dry_run else 0
        parts = [f"{ACTIONS[action][column]}: {count}" for action, count in counts.items()]
        heading = "Kết quả chạy thử (không ghi gì)" if dry_run else "Kết quả nhập"
        self.stdout.write(f"{heading}, {len(results)} tệp — " + " · ".join(parts))
        if ignored:
            self.stdout.write(f"Không đọc {len(ignored)} tệp không phải .txt trong thư mục.")
        if dry_run or self.verbosity == 0:
            return
        for result in results:
            if result.action == "skipped" and result.reason != "không có gì thay đổi":
                self.stdout.write(f"  Bỏ qua {result.path}: {result.reason}")
        for result in results:
            if result.held_back and result.action != "failed":
                self.stdout.write(f"  Giữ bản nháp {result.path}: {result.held_back}")

    def describe(self, result: ImportResult, number: int, total: int):
        """Field by field, what the import would write for one file."""
        write = self.stdout.write
        label = ACTIONS[result.action][1]
        write(f"\n[{number}/{total}] {result.path} — {label}")
        if result.action == "failed" or (result.action == "skipped" and not result.parsed):
            write(f"  Lý do: {result.reason}")
            return
        if result.reason:
            write(f"  Lý do: {result.reason}")
        if result.held_back:
            write(f"  Giữ bản nháp: {result.held_back}")
        if result.action == "skipped":
            return
        parsed = result.parsed
        full = self.verbosity > 1
        field = self.field
        title_note = " (đề xuất, cần xem lại)" if parsed.title_proposed else ""
        field("Tiêu đề", parsed.title + title_note)
        if parsed.event_date:
            when = timezone.localtime(result.values["published_at"]).strftime("%H:%M %d/%m/%Y")
            field("Ngày sự kiện", f"{parsed.event_date:%d/%m/%Y} (thời gian đăng {when})")
        else:
            field("Ngày sự kiện", "không tìm thấy")
        field("Tác giả / đơn vị", parsed.byline or "không tìm thấy")
        field("Trạng thái", Article.Status(result.status).label)
        field("Nguồn", result.values["source"])
        field("Sapo", parsed.lead if full else textwrap.shorten(parsed.lead, 200, placeholder="…"))
        write(f"  Nội dung: {len(parsed.paragraphs)} đoạn")
        for index, paragraph in enumerate(parsed.paragraphs, start=1):
            shown = paragraph if full else textwrap.shorten(paragraph, 110, placeholder="…")
            write(f"    {index}. {shown}")
        write(f"  Chú thích ảnh cần gắn: {len(parsed.captions) or 'không có'}")
        for after, caption in parsed.captions:
            place = f"sau đoạn {after}" if after else "đầu nội dung"
            write(f"    - ({place}) {caption}")
        if parsed.institutions:
            field("Đơn vị được nhắc đến", ", ".join(str(obj) for obj in parsed.institutions))
        if result.values["editor_note"]:
            write("  Ghi chú nội bộ:")
            for line in result.values["editor_note"].splitlines():
                write(textwrap.indent(line, "    "))
        field("Mã nguồn nhập", parsed.key)
        if result.action == "updated":
            field("Trường thay đổi", ", ".join(result.changed))

    def field(self, name: str, value: str):
        if value:
            self.stdout.write(f"  {name}: {value}")
