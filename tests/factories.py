"""Test data. Defaults are valid and published, so a bare factory call is a public article."""

import io
from datetime import date, timedelta

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
