"""Fill a database with many realistic articles quickly (for the benchmarks).

Titles, leads and paragraphs are recombined from the demo content (news/demo.py), so the
text is real Vietnamese; photos are a handful of demo images shared by all articles.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from news import demo
from news.models import Article, ArticlePhoto, Category
from photos.demo import demo_photo
from photos.images import clean_photo
from search import index
from search.models import SearchEntry
from vietnamese.text import vietnamese_slugify

PLACES = [
    "Cao Lãnh",
    "Sa Đéc",
    "Hồng Ngự",
    "Tháp Mười",
    "Lai Vung",
    "Mỹ Tho",
    "Hòa Bình",
    "Mai Châu",
    "Lạc Sơn",
    "Kim Bôi",
    "Tân Hồng",
    "Châu Thành",
]


def fill_articles(count: int, *, seed: int = 7, batch: int = 2000) -> int:
    rng = random.Random(seed)
    demo.load()
    categories = list(Category.objects.all())
    author = get_user_model().objects.filter(is_superuser=True).first()
    stories = [(s[1], s[2], s[3]) for s in demo.MORE_STORIES]
    photos = []
    for number in range(6):
        photo = ArticlePhoto(
            article=Article.objects.first(), image=clean_photo(demo_photo(900 + number))
        )
        photo.save()
        photos.append(photo)
    now = timezone.now()
    made = 0
    existing = Article.objects.count()
    while made < count:
        articles = []
        for _ in range(min(batch, count - made)):
            title, lead, paragraphs = rng.choice(stories)
            place = rng.choice(PLACES)
            title = f"{title} tại {place}"
            extra = [p for _, _, ps in rng.sample(stories, 3) for p in ps]
            body = "".join(f"<p>{p}</p>" for p in [*paragraphs, *extra])
            number = existing + made + len(articles) + 1
            articles.append(
                Article(
                    title=title,
                    slug=f"{vietnamese_slugify(title, 180)}-{number}",
                    lead=lead,
                    body=body,
                    byline=rng.choice(["Thanh Nhàn", "Phòng TC-PC", "Minh Khoa", "Văn phòng Sở"]),
                    category=rng.choice(categories),
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=rng.randint(60, 60 * 24 * 365 * 6)),
                    created_by=author,
                    version=1,
                )
            )
        created = Article.objects.bulk_create(articles)
        ArticlePhoto.objects.bulk_create(
            ArticlePhoto(
                article=article,
                image=(source := rng.choice(photos)).image.name,
                width=source.width,
                height=source.height,
                caption=f"Ảnh: {article.title}",
                is_cover=True,
                renditions=source.renditions,
            )
            for article in created
        )
        news = index.source("news")
        SearchEntry.objects.bulk_create(index.build(news, article) for article in created)
        made += len(created)
    return made


def fill_institutions(count: int, *, seed: int = 11) -> int:
    """Village cultural houses and commune centres across the demo's communes."""
    from institutions import demo as institutions_demo
    from institutions.models import AdministrativeUnit, Institution, InstitutionType, Level

    rng = random.Random(seed)
    institutions_demo.load()
    communes = list(
        AdministrativeUnit.objects.filter(level=Level.COMMUNE).select_related("parent__parent")
    )
    kinds = list(InstitutionType.objects.filter(level=Level.COMMUNE)) or list(
        InstitutionType.objects.all()
    )
    existing = Institution.objects.count()
    rows = []
    for number in range(count):
        commune = rng.choice(communes)
        kind = rng.choice(kinds)
        name = f"{kind.name} {commune.full_name} số {number + 1}"
        rows.append(
            Institution(
                name=name,
                slug=f"{vietnamese_slugify(name, 180)}-{existing + number + 1}",
                type=kind,
                level=kind.level,
                unit=commune,
                address=f"Số {rng.randint(1, 300)}, {commune.title_name}",
                opening_hours="Thứ Hai đến thứ Sáu, 7 giờ – 17 giờ",
                description=rng.choice(
                    [
                        "Nơi sinh hoạt văn hóa, văn nghệ, thể dục thể thao của bà con.",
                        "Tổ chức câu lạc bộ đờn ca tài tử, lớp học tin học cho người dân.",
                        "Có sân bóng chuyền, thư viện nhỏ và phòng đọc cho thiếu nhi.",
                    ]
                ),
            )
        )
    created = Institution.objects.bulk_create(rows, batch_size=1000)
    source = index.source("institution")
    SearchEntry.objects.bulk_create(
        (index.build(source, i) for i in source.queryset().filter(pk__in=[i.pk for i in created])),
        batch_size=1000,
        ignore_conflicts=True,
    )
    return len(created)


def fill_plans(count: int, *, seed: int = 13) -> int:
    """This year's approved work plans of `count` institutions, each with the provincial
    arts centre's eight commitments of the demo and verified reports of the quarters begun
    so far (some commitments ahead, some behind)."""
    from decimal import Decimal

    from institutions.models import Institution
    from work_plans.demo import ARTS_CENTRE_2022, commitment_of
    from work_plans.models import Commitment, CommitmentCategory, ProgressReport, WorkPlan

    rng = random.Random(seed)
    today = timezone.localdate()
    year = today.year
    approver = get_user_model().objects.filter(is_superuser=True).first()
    categories = {c.name: c for c in CommitmentCategory.objects.all()}
    taken = WorkPlan.objects.filter(year=year).values("institution")
    institutions = list(Institution.objects.exclude(pk__in=taken).order_by("pk")[:count])
    approved_at = timezone.make_aware(timezone.datetime(year, 2, 20, 9, 0))
    plans = WorkPlan.objects.bulk_create(
        WorkPlan(
            institution=institution,
            year=year,
            title=f"Chương trình công tác năm {year}",
            status=WorkPlan.Status.APPROVED,
            approved_by=approver,
            approved_at=approved_at,
        )
        for institution in institutions
    )
    commitments, reports = [], []
    for plan in plans:
        for order, row in enumerate(ARTS_CENTRE_2022):
            commitment = commitment_of(plan, order, row, categories)
            commitments.append(commitment)
            for kind, month, quantity in row[6]:  # the demo's reports of that commitment
                if month <= today.month and rng.random() < 0.8:
                    reports.append(
                        ProgressReport(
                            commitment=commitment,
                            period_kind=kind,
                            period_start=timezone.datetime(year, month, 1).date(),
                            quantity=Decimal(quantity),
                            status=ProgressReport.Status.VERIFIED,
                            verified_by=approver,
                            verified_at=approved_at,
                        )
                    )
    Commitment.objects.bulk_create(commitments, batch_size=2000)
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    return len(plans)
