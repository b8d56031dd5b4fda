"""Two demo drafts for comment for `manage.py load_demo` (idempotent, create-only): one open
now, with approved comments and some waiting for moderation, and one closed with the
office's summary, issued since as a guidance of the documents register's demo."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from agency.models import Office
from consultations import publishing
from consultations.models import Comment, Draft, DraftFile
from documents.demo import demo_docx, demo_pdf
from documents.models import Document

OFFICE = "Phòng Quản lý Văn hóa và Gia đình"

OPEN_TITLE = "Dự thảo Quy chế quản lý, sử dụng nhà văn hóa thôn, tổ dân phố trên địa bàn tỉnh"
OPEN_ABSTRACT = (
    "Quy chế quy định việc quản lý, sử dụng nhà văn hóa và khu thể thao thôn, tổ dân phố: "
    "người quản lý, giờ mở cửa, các hoạt động được tổ chức, việc thu, chi kinh phí và trách "
    "nhiệm của Ủy ban nhân dân cấp xã.\n\n"
    "Sở xin ý kiến nhất là về Điều 6 (giờ mở cửa phục vụ), Điều 9 (cho thuê, cho mượn nhà "
    "văn hóa) và Điều 12 (kinh phí hoạt động)."
)
OPEN_COMMENTS = [
    (
        "Nguyễn Thị Lan",
        "lan.nguyen@example.com",
        "",
        "Điều 6",
        "Đề nghị quy định nhà văn hóa mở cửa cả buổi tối các ngày cuối tuần để thanh niên, "
        "người đi làm có chỗ sinh hoạt câu lạc bộ văn nghệ, thể thao.",
        Comment.Status.APPROVED,
    ),
    (
        "Trần Văn Hùng",
        "",
        "0912 345 678",
        "Điều 9, khoản 2",
        "Việc cho mượn nhà văn hóa tổ chức đám cưới cần quy định rõ giờ kết thúc và mức âm "
        "thanh, tránh ảnh hưởng các hộ xung quanh.",
        Comment.Status.APPROVED,
    ),
    (
        "Lê Minh Tuấn",
        "tuan.le@example.com",
        "",
        "Điều 12",
        "Đề nghị bổ sung nguồn xã hội hóa và công khai thu, chi kinh phí hoạt động tại bảng "
        "tin của nhà văn hóa mỗi quý.",
        Comment.Status.PENDING,
    ),
]

CLOSED_TITLE = (
    "Dự thảo Hướng dẫn xây dựng hương ước, quy ước thôn, tổ dân phố gắn với nếp sống văn hóa"
)
CLOSED_ABSTRACT = (
    "Hướng dẫn trình tự xây dựng, thông qua, công nhận hương ước, quy ước của cộng đồng dân "
    "cư; những nội dung về việc cưới, việc tang, lễ hội và giữ gìn vệ sinh môi trường mà hương "
    "ước nên có."
)
CLOSED_OPENS = date(2026, 8, 17)
CLOSED_CLOSES = date(2026, 9, 15)
CLOSED_DOCUMENT = "05/HD-SVHTTDL"
CLOSED_COMMENTS = [
    (
        "Phạm Văn Bình",
        "binh.pham@example.com",
        "",
        "Mục II",
        "Nên có mẫu hương ước ngắn gọn kèm theo hướng dẫn để các thôn tham khảo, tránh sao "
        "chép nguyên văn quy định của pháp luật.",
    ),
    (
        "Võ Thị Hồng",
        "",
        "0987 654 321",
        "Mục III, điểm 2",
        "Đề nghị hướng dẫn rõ việc lấy ý kiến người dân trước khi thông qua hương ước, nhất là "
        "ở tổ dân phố đông dân.",
    ),
]
CLOSED_SUMMARY = (
    "Trong thời hạn lấy ý kiến (17/8 – 15/9/2026), Sở nhận được 2 ý kiến góp ý của người "
    "dân qua Cổng thông tin điện tử và 14 ý kiến bằng văn bản của Ủy ban nhân dân các xã, "
    "phường.\n\n"
    "Tiếp thu: bổ sung Phụ lục mẫu hương ước, quy ước (ý kiến của ông Phạm Văn Bình và 6 "
    "xã); bổ sung Mục III, điểm 2 về lấy ý kiến hộ gia đình bằng phiếu hoặc họp tổ dân phố.\n\n"
    "Giải trình: đề nghị bỏ thủ tục công nhận hương ước không được tiếp thu vì thủ tục này do "
    "Nghị định 61/2023/NĐ-CP quy định.\n\n"
    "Hướng dẫn đã được ban hành ngày 09/10/2026."
)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _draft(title, abstract, office, opens_on, closes_on, **extra) -> tuple[Draft, bool]:
    draft = Draft.objects.filter(title=title).first()
    if draft is not None:
        return draft, False
    draft = Draft(
        title=title,
        abstract=abstract,
        office=office,
        opens_on=opens_on,
        closes_on=closes_on,
        **extra,
    )
    draft.full_clean()
    draft.save()
    publishing.publish_draft(draft)
    return draft, True


def load() -> dict:
    office = Office.objects.filter(name_vi=OFFICE).first() or Office.objects.first()
    if office is None:
        return {"drafts": Draft.objects.count()}
    today = timezone.localdate()

    draft, made = _draft(
        OPEN_TITLE, OPEN_ABSTRACT, office, today - timedelta(days=7), today + timedelta(days=23)
    )
    if made:
        DraftFile.objects.create(
            draft=draft, file=demo_pdf("Du thao", OPEN_TITLE), title="Dự thảo Quy chế"
        )
        DraftFile.objects.create(draft=draft, file=demo_docx("To trinh"), title="Tờ trình")
        for days_ago, (name, email, phone, section, body, status) in enumerate(
            OPEN_COMMENTS, start=1
        ):
            Comment.objects.create(
                draft=draft,
                name=name,
                email=email,
                phone=phone,
                section=section,
                body=body,
                status=status,
                submitted_at=_at(today - timedelta(days=7 - days_ago), 9 + days_ago),
            )

    issued = Document.objects.filter(number_symbol=CLOSED_DOCUMENT).first()
    draft, made = _draft(
        CLOSED_TITLE,
        CLOSED_ABSTRACT,
        office,
        CLOSED_OPENS,
        CLOSED_CLOSES,
        summary=CLOSED_SUMMARY,
        document=issued,
    )
    if made:
        DraftFile.objects.create(
            draft=draft, file=demo_pdf("Du thao HD", CLOSED_TITLE), title="Dự thảo Hướng dẫn"
        )
        for offset, (name, email, phone, section, body) in enumerate(CLOSED_COMMENTS):
            Comment.objects.create(
                draft=draft,
                name=name,
                email=email,
                phone=phone,
                section=section,
                body=body,
                status=Comment.Status.APPROVED,
                submitted_at=_at(CLOSED_OPENS + timedelta(days=5 + offset * 9), 10),
            )
    return {"drafts": Draft.objects.count()}
