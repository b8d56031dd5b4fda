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
