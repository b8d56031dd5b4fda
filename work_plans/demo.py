"""Demo work plans (idempotent): the Đồng Tháp arts centre's 2022 programme as the seed
article lists it, with reports so that some commitments are achieved, some on track and
some behind; plans of this year for commune centres."""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from institutions.models import Institution
from work_plans.models import Commitment, CommitmentCategory, ProgressReport, WorkPlan

# (category, description, target, unit, rhythm, judgement, reports [(kind, month, qty)])
ARTS_CENTRE_2022 = [
    (
        "Chiếu phim lưu động",
        "Tổ chức chiếu phim lưu động phục vụ vùng sâu, vùng xa",
        40,
        "buổi",
        "year",
        "",
        [("quarter", 1, 9), ("quarter", 4, 11), ("quarter", 7, 10), ("quarter", 10, 12)],
    ),
    (
        "Tuyên truyền lưu động",
        "Tổ chức tuyên truyền lưu động",
        40,
        "buổi",
        "year",
        "",
        [("quarter", 1, 8), ("quarter", 4, 10), ("quarter", 7, 9), ("quarter", 10, 10)],
    ),
    (
        "Nghệ thuật biểu diễn",
        "Dàn dựng chương trình nghệ thuật giới thiệu trên sóng truyền hình",
        1,
        "chương trình",
        "quarter",
        "",
        [("quarter", 1, 1), ("quarter", 4, 1), ("quarter", 7, 1), ("quarter", 10, 1)],
    ),
    (
        "Nghệ thuật biểu diễn",
        "Dàn dựng vở cải lương phát trên Đài Phát thanh Truyền hình",
        1,
        "vở",
        "year",
        "",
        [],
    ),
    (
        "Hội thi, hội diễn, liên hoan",
        "Đạt huy chương tại các hội thi, hội diễn, liên hoan",
        6,
        "huy chương",
        "year",
        "",
        [("quarter", 7, 2), ("quarter", 10, 1)],
    ),
    (
        "Tập huấn, bồi dưỡng nghiệp vụ",
        "Tập huấn nghiệp vụ cho trung tâm văn hóa cấp huyện và trung tâm văn hóa – học tập "
        "cộng đồng cấp xã",
        2,
        "lớp",
        "year",
        "",
        [("quarter", 4, 1), ("quarter", 10, 1)],
    ),
    (
        "Triển lãm",
        "Thực hiện triển lãm lưu động và triển lãm trực tuyến",
        None,
        "",
        "year",
        "partly",
        [],
    ),
    (
        "Chuyển đổi số",
        "Tuyên truyền trên mạng xã hội YouTube, Facebook, Zalo và trang tin điện tử",
        None,
        "",
        "year",
        "done",
        [],
    ),
]

COMMUNE_PLAN = [
    ("Nghệ thuật biểu diễn", "Tổ chức đêm văn nghệ quần chúng", 1, "chương trình", "month", ""),
    ("Dịch vụ văn hóa, thể thao", "Mở lớp năng khiếu cho thiếu nhi", 2, "lớp", "quarter", ""),
    ("Hội thi, hội diễn, liên hoan", "Tổ chức giải thể thao cấp xã", 3, "giải", "year", ""),
]


def commitment_of(plan, order: int, terms, categories: dict) -> Commitment:
    """An unsaved commitment of `plan` from the first six values of a row above."""
    category, text, target, unit, rhythm, judgement = terms[:6]
    return Commitment(
        plan=plan,
        category=categories[category],
        description=text,
        target=Decimal(target) if target is not None else None,
        unit=unit,
        rhythm=rhythm,
        judgement=judgement,
        order=order,
    )


def _plan(institution, year, title, rows, *, status, approver, announcement=None):
    plan, _ = WorkPlan.objects.get_or_create(
        institution=institution, year=year, defaults={"title": title}
    )
    if plan.commitments.exists():
        return plan
    categories = {c.name: c for c in CommitmentCategory.objects.all()}
    for order, row in enumerate(rows):
        commitment = commitment_of(plan, order, row, categories)
        commitment.save()
        for kind, month, quantity in row[6] if len(row) > 6 else []:
            ProgressReport.objects.create(
                commitment=commitment,
                period_kind=kind,
                period_start=date(year, month, 1),
                quantity=Decimal(quantity),
                status=ProgressReport.Status.VERIFIED,
                verified_by=approver,
                verified_at=timezone.now(),
                evidence_article=announcement,
            )
    plan.announcement = announcement
    plan.status = status
    if status in (WorkPlan.Status.APPROVED, WorkPlan.Status.CLOSED):
        plan.approved_by = approver
        plan.approved_at = timezone.make_aware(datetime(year, 2, 20, 9, 0))
    plan.save()
    return plan


def load() -> dict:
    from news.models import Article

    leader = get_user_model().objects.filter(username="lanhdao").first()
    arts = Institution.objects.filter(name="Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp").first()
    if arts is None:
        return {"plans": WorkPlan.objects.count()}
    article = Article.objects.filter(
        title__startswith="Giám đốc Sở làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh"
    ).first()
    _plan(
        arts,
        2022,
        "Chương trình công tác năm 2022",
        ARTS_CENTRE_2022,
        status=WorkPlan.Status.CLOSED,
        approver=leader,
        announcement=article,
    )

    year = timezone.localdate().year
    month = timezone.localdate().month
    communes = Institution.objects.filter(
        name__startswith="Trung tâm Văn hóa – Học tập cộng đồng"
    ).order_by("name")
    for number, commune in enumerate(communes[:4]):
        # Different progress per commune so the dashboard shows every status.
        done_months = max(0, month - 1 - number * 3)
        rows = [
            (*COMMUNE_PLAN[0], [("month", m, 1) for m in range(1, done_months + 1)]),
            (*COMMUNE_PLAN[1], [("quarter", q, 2) for q in (1, 4, 7) if q + 3 <= month - number]),
            (*COMMUNE_PLAN[2], [("quarter", 1, 1)] if number < 2 else []),
        ]
        status = WorkPlan.Status.APPROVED if number < 3 else WorkPlan.Status.SUBMITTED
        _plan(
            commune, year, f"Chương trình công tác năm {year}", rows, status=status, approver=leader
        )
    return {"plans": WorkPlan.objects.count()}
