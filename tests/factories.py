"""Test data. Defaults are valid and published, so a bare factory call is a public article."""

import io
from datetime import date, time, timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from news.models import Article, ArticlePhoto, Category


def jpeg_file(width=640, height=480, color=(30, 120, 200), name="photo.jpg") -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Hoạt động văn hóa cơ sở số {n}")
    lead = "Tóm tắt tin bài về hoạt động văn hóa."
    body = "<p>Đoạn thứ nhất.</p><p>Đoạn thứ hai.</p>"
    byline = "Thanh Nhàn"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


class ArticlePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePhoto

    article = factory.SubFactory(ArticleFactory)
    image = factory.LazyFunction(jpeg_file)
    caption = "Quang cảnh buổi làm việc"


class AdministrativeUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "institutions.AdministrativeUnit"

    name = factory.Sequence(lambda n: f"Đồng Tháp {n}")
    kind = "tinh"
    level = 1


class CommuneFactory(AdministrativeUnitFactory):
    name = factory.Sequence(lambda n: f"Mỹ Hiệp {n}")
    kind = "xa"
    level = 3
    parent = factory.SubFactory(AdministrativeUnitFactory)


def institution_type(level=1):
    from institutions.models import InstitutionType

    found = InstitutionType.objects.filter(level=level).first()
    return found or InstitutionType.objects.create(name=f"Loại thiết chế cấp {level}", level=level)


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "institutions.Institution"

    name = factory.Sequence(lambda n: f"Trung tâm Văn hóa số {n}")
    level = 1
    unit = factory.SubFactory(AdministrativeUnitFactory)
    type = factory.LazyAttribute(lambda o: institution_type(o.level))
    address = "Số 1, đường 30/4"
    phone = "0277 3851 234"


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "work_plans.WorkPlan"

    institution = factory.SubFactory(InstitutionFactory)
    year = 2022
    status = "approved"
    approved_at = factory.LazyFunction(timezone.now)


def commitment_category():
    from work_plans.models import CommitmentCategory

    return CommitmentCategory.objects.first() or CommitmentCategory.objects.create(name="Khác")


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "work_plans.Commitment"

    plan = factory.SubFactory(WorkPlanFactory)
    category = factory.LazyFunction(commitment_category)
    description = "Tổ chức chiếu phim lưu động"
    target = 40
    unit = "buổi"
    rhythm = "year"


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "work_plans.ProgressReport"

    commitment = factory.SubFactory(CommitmentFactory)
    period_kind = "quarter"
    period_start = factory.LazyAttribute(lambda o: date(o.commitment.plan.year, 1, 1))
    quantity = 10
    status = "verified"


def pdf_bytes(
    *objects: str,
    catalog: str = "",
    page: str = "",
    packed: tuple[str, ...] = (),
    padding: int = 0,
) -> bytes:
    """A one-page PDF written out by hand, with a correct cross-reference, to carry what a
    test needs where it needs it.

    `catalog` and `page` are added to the catalog (object 1) and page (object 3)
    dictionaries; `objects` become objects 5, 6, …; `packed` objects follow them, compressed
    together in an object stream (PDF 1.5: then the cross-reference is a stream too), so
    their text is nowhere in the file's bytes. `padding` drawing bytes push what follows
    the page beyond the start of the file.
    """
    import zlib

    drawing = ("0 0 m 100 100 l S\n" * (padding // 18 + 1)).encode()
    bodies = [
        f"<< /Type /Catalog /Pages 2 0 R {catalog}>>".encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R {page}>>".encode(),
        b"<< /Length %d >>\nstream\n" % len(drawing) + drawing + b"\nendstream",
        *(body.encode() for body in objects),
    ]
    first_packed = len(bodies) + 2  # after the object stream itself
    if packed:
        offsets, content = [], b""
        for body in packed:
            offsets.append(len(content))
            content += body.encode() + b"\n"
        header = " ".join(f"{first_packed + i} {offset}" for i, offset in enumerate(offsets))
        header = (header + " ").encode()
        data = zlib.compress(header + content)
        bodies.append(
            b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
            % (len(packed), len(header), len(data))
            + data
            + b"\nendstream"
        )
    version = b"1.5" if packed else b"1.4"
    out = b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    if not packed:
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(bodies) + 1)
        return out + b"startxref\n%d\n%%%%EOF\n" % xref
    # A cross-reference stream: type 1 (offset) for written objects, 2 for packed ones.
    stream_number = len(bodies)
    xref_number = first_packed + len(packed)
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]
    rows += [b"\x01" + offset.to_bytes(4, "big") + b"\x00\x00" for offset in offsets]
    rows += [
        b"\x02" + stream_number.to_bytes(4, "big") + index.to_bytes(2, "big")
        for index in range(len(packed))
    ]
    xref = len(out)
    rows.append(b"\x01" + xref.to_bytes(4, "big") + b"\x00\x00")
    table = b"".join(rows)
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % (xref_number, xref_number + 1, len(table))
        + table
        + b"\nendstream\nendobj\n"
    )
    return out + b"startxref\n%d\n%%%%EOF\n" % xref


# The documents register, the schedule, the procedures and the agency (issue 22).


def pdf_file(name="van-ban.pdf") -> ContentFile:
    return ContentFile(pdf_bytes(), name=name)


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.DocumentType"
        django_get_or_create = ["name"]

    name = "Quyết định"
    abbreviation = "QĐ"


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Field"
        django_get_or_create = ["name"]

    name = "Văn hóa – Di sản"


class IssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Issuer"
        django_get_or_create = ["name"]

    name = "Sở Văn hóa, Thể thao và Du lịch"
    abbreviation = "SVHTTDL"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Document"

    type = factory.SubFactory(DocumentTypeFactory)
    number_symbol = factory.Sequence(lambda n: f"{n + 10:02d}/QĐ-SVHTTDL")
    issuer = factory.SubFactory(IssuerFactory)
    field = factory.SubFactory(FieldFactory)
    abstract = factory.Sequence(lambda n: f"Ban hành quy chế số {n}")
    signer = "Trần Văn Minh"
    signer_title = "Giám đốc"
    issued_on = factory.LazyFunction(lambda: date(timezone.localdate().year, 1, 15))


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.DocumentFile"

    document = factory.SubFactory(DocumentFactory)
    file = factory.LazyFunction(pdf_file)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "agency.Office"

    name_vi = factory.Sequence(lambda n: f"Phòng Quản lý số {n}")
    name_en = factory.Sequence(lambda n: f"Division {n}")
    kind = "division"
    functions_vi = "Quản lý nhà nước về văn hóa."
    functions_en = "State management of culture."


class ContactOfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "agency.ContactOfficial"

    office = factory.SubFactory(OfficeFactory)
    name = "Đỗ Thị Mai"
    title_vi = "Trưởng phòng"
    title_en = "Head of Division"
    phone = "0277 3851 235"
    email = "mai@example.gov.vn"


class LeaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "agency.Leader"

    name = factory.Sequence(lambda n: f"Trần Văn Minh {n}")
    title_vi = "Giám đốc Sở"
    title_en = "Director"
    portfolio_vi = "Lãnh đạo, điều hành chung."
    portfolio_en = "Leads the Department."
    biography_vi = "Sinh năm 1972."
    biography_en = "Born in 1972."
    phone = "0277 3851 200"
    email = "minh@example.gov.vn"


class AgencyPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "agency.AgencyPage"
        django_get_or_create = ["kind"]

    kind = "overview"
    title_vi = "Giới thiệu chung"
    body_vi = "Sở là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh."
    title_en = "About the Department"
    body_en = "The Department is a specialised agency of the Provincial People's Committee."


class WeekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "schedule.Week"
        django_get_or_create = ["start"]

    start = factory.LazyFunction(
        lambda: timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    )
    status = "published"
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=3))


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "schedule.Entry"

    week = factory.SubFactory(WeekFactory)
    day = factory.LazyAttribute(lambda entry: entry.week.start)
    starts_at = time(8, 0)
    ends_at = time(10, 0)
    title = "Giao ban lãnh đạo Sở đầu tuần"
    chair = "Giám đốc Sở Trần Văn Minh"
    attendees = "Các Phó Giám đốc Sở"
    location = "Phòng họp số 1"


class DraftFactory(factory.django.DjangoModelFactory):
    """A draft published and open for comments today, for three more weeks."""

    class Meta:
        model = "consultations.Draft"

    title = factory.Sequence(lambda n: f"Dự thảo Quy chế quản lý nhà văn hóa số {n}")
    abstract = "Quy định việc quản lý, sử dụng nhà văn hóa thôn, tổ dân phố."
    office = factory.SubFactory(OfficeFactory)
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=20))
    status = "published"
    published_at = factory.LazyFunction(timezone.now)


class DraftFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consultations.DraftFile"

    draft = factory.SubFactory(DraftFactory)
    file = factory.LazyFunction(lambda: pdf_file("du-thao.pdf"))
    title = "Dự thảo"


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved comment, with the commenter's contact details."""

    class Meta:
        model = "consultations.Comment"

    draft = factory.SubFactory(DraftFactory)
    name = factory.Sequence(lambda n: f"Nguyễn Văn Dân {n}")
    email = factory.Sequence(lambda n: f"dan{n}@example.com")
    phone = "0912 345 678"
    section = "Điều 6"
    body = factory.Sequence(lambda n: f"Đề nghị mở cửa nhà văn hóa buổi tối, ý kiến số {n}.")
    status = "approved"


def staff_world():
    """One of each thing staff handle in the admin, and one account per role (named people,
    as in the demo): for tests that walk the admin as each role."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from institutions import reviewing
    from institutions.models import Assessment, FacilityKind, InstitutionFacility, InstitutionPhoto
    from news import publishing
    from tests.conftest import make_staff
    from work_plans.models import WorkPlan

    User = get_user_model()
    people = {
        "bientap": ("Biên tập viên", "Nguyễn Thị Lan"),
        "duyettin": ("Duyệt tin", "Trần Văn Minh"),
        "canbo": ("Cán bộ thiết chế", "Phạm Thu Hà"),
        "lanhdao": ("Lãnh đạo", "Võ Quang Huy"),
    }
    users = {
        username: make_staff(User, username, group, first_name=name)
        for username, (group, name) in people.items()
    }
    users["quantri"] = User.objects.create_superuser(
        "quantri", password="a-long-test-passphrase", first_name="Lê Quản Trị"
    )
    assert Group.objects.filter(name="Lãnh đạo").exists()

    province = AdministrativeUnitFactory(name="Đồng Tháp", code="82")
    commune = CommuneFactory(name="Mỹ Hiệp", parent=province)
    centre = InstitutionFactory(
        name="Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp",
        unit=province,
        latitude="10.4559",
        longitude="105.6331",
    )
    centre.editors.add(users["canbo"])
    InstitutionFactory(name="Nhà văn hóa xã Mỹ Hiệp", level=3, unit=commune)
    area = FacilityKind.objects.get_or_create(name="Diện tích sử dụng", defaults={"unit": "m²"})[0]
    InstitutionFacility.objects.create(institution=centre, kind=area, value=2400)
    InstitutionPhoto.objects.create(
        institution=centre, image=jpeg_file(), caption="Mặt tiền trung tâm"
    )
    reviewing.submit_profile_change(
        centre, {"opening_hours": "7:30–17:00, thứ Hai đến thứ Bảy"}, by=users["canbo"]
    )
    Assessment.objects.create(
        institution=centre, year=2025, rating="good", assessed_by=users["lanhdao"]
    )

    news = CategoryFactory(name="Tin hoạt động", slug="tin-hoat-dong")
    published = ArticleFactory(
        title="Khai mạc Liên hoan đờn ca tài tử", category=news, created_by=users["bientap"]
    )
    ArticlePhotoFactory(article=published, is_cover=True, caption="Ảnh đại diện")
    ArticlePhotoFactory(article=published, caption="Quang cảnh liên hoan")
    draft = ArticleFactory(
        title="Tập huấn nghiệp vụ thư viện",
        status=Article.Status.DRAFT,
        published_at=None,
        created_by=users["bientap"],
    )
    waiting = ArticleFactory(
        title="Triển lãm ảnh di sản", status=Article.Status.DRAFT, published_at=None
    )
    publishing.submit_for_review(waiting, by=users["bientap"])

    plan = WorkPlanFactory(
        institution=centre, year=2026, status=WorkPlan.Status.DRAFT, approved_at=None
    )
    CommitmentFactory(plan=plan)
    approved = WorkPlanFactory(institution=centre, year=2025)
    report = ProgressReportFactory(
        commitment=CommitmentFactory(plan=approved),
        quantity=8,
        status="submitted",
        submitted_by=users["canbo"],
    )
    return {
        "users": users,
        "province": province,
        "institution": centre,
        "published": published,
        "draft": draft,
        "waiting": waiting,
        "plan": plan,
        "approved_plan": approved,
        "report": report,
    }


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "questions.Topic"

    name = factory.Sequence(lambda n: f"Chủ đề hỏi đáp {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    """An answered, published question by default."""

    class Meta:
        model = "questions.Question"

    topic = factory.SubFactory(TopicFactory)
    title = factory.Sequence(lambda n: f"Câu hỏi về di tích số {n}")
    body = "Xin hỏi giờ mở cửa của Bảo tàng tỉnh?"
    asker_name = "Nguyễn Văn An"
    public_name = "N.V. An"
    email = "an.nguyen@example.com"
    phone = "0912345678"
    consent_publication = True
    status = "answered"
    answer = "Bảo tàng mở cửa từ 7 giờ 30 đến 17 giờ các ngày trong tuần."
    answered_at = factory.LazyFunction(timezone.now)
    closed_at = factory.LazyAttribute(lambda q: q.answered_at)
