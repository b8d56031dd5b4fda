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


# The documents register, the schedule, the procedures and the agency (issue 22).


def pdf_bytes() -> bytes:
    """A small valid PDF (a blank page drawn by Pillow)."""
    buffer = io.BytesIO()
    Image.new("RGB", (200, 280), (255, 255, 255)).save(buffer, "PDF")
    return buffer.getvalue()


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
