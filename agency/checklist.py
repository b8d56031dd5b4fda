"""The office's checklist: each thing the decrees ask a department's portal to publish, where
it is on the site, when it was last updated and what is missing.

The duties are those of Decree 42/2022/NĐ-CP (Điều 4, Điều 7), in force until 30/06/2026, and
of Decree 224/2026/NĐ-CP (Chương III), which replaced it on 01/07/2026 under the Law on
Digital Transformation; docs/portal-content-duties.md maps them point by point.
The checklist reads the sections below agency (documents, schedule, services, news): it
imports them, they know nothing of it. Sections above agency (drafts for comment) add their
items by registering a function that yields them (`register`), as apps register admin tasks.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agency import roles
from agency.models import AgencyPage, AttachedInstitution, Leader, Office
from documents.models import Document
from news.models import Article
from schedule.models import Week, week_start
from services.models import Procedure


@dataclass
class Finding:
    text: str
    url: str = ""  # where to put it right (the admin)


@dataclass
class Item:
    duty: str
    basis: str  # the decrees' points that ask for it
    url: str  # where it is on the site
    updated: datetime | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return not self.findings


_providers: list[Callable[[], Iterable[Item]]] = []


def register(provider: Callable[[], Iterable[Item]]) -> Callable[[], Iterable[Item]]:
    """Add the items a section above agency checks (called at start-up)."""
    _providers.append(provider)
    return provider


def _admin(name: str, *args) -> str:
    return reverse(f"admin:{name}", args=args)


def _page_item(kind, duty, basis, url) -> Item:
    page = AgencyPage.objects.filter(kind=kind).first()
    item = Item(duty, basis, url, page.updated_at if page else None)
    if page is None:
        item.findings.append(
            Finding(
                _("Chưa có trang “%(page)s”.") % {"page": duty}, _admin("agency_agencypage_add")
            )
        )
    return item


def items() -> list[Item]:
    with translation.override("vi"):
        return list(_items())


def _items():
    today = timezone.localdate()
    K = AgencyPage.Kind
    yield _page_item(
        K.OVERVIEW,
        _("Giới thiệu chung về cơ quan"),
        "NĐ 42/2022 Đ4 k1 e; NĐ 224/2026 Đ9 k1 b",
        reverse("agency:home"),
    )
    yield _page_item(
        K.FUNCTIONS,
        _("Chức năng, nhiệm vụ, quyền hạn"),
        "NĐ 42/2022 Đ4 k1 e; NĐ 224/2026 Đ9 k1 b; Luật TCTT Đ17 k1 k",
        reverse("agency:functions"),
    )
    yield _page_item(
        K.HISTORY,
        _("Tóm lược quá trình hình thành và phát triển"),
        "NĐ 42/2022 Đ4 k2; NĐ 224/2026 Đ9 k1 b",
        reverse("agency:history"),
    )

    offices = list(Office.objects.current().prefetch_related("contacts"))
    organisation = Item(
        _("Cơ cấu tổ chức, sơ đồ tổ chức của cơ quan và đơn vị trực thuộc"),
        "NĐ 42/2022 Đ4 k1 e; NĐ 224/2026 Đ9 k1 b",
        reverse("agency:organisation"),
        Office.objects.aggregate(latest=Max("updated_at"))["latest"],
    )
    if not offices:
        organisation.findings.append(
            Finding(_("Chưa có phòng, đơn vị nào."), _admin("agency_office_add"))
        )
    for office in offices:
        if not office.functions_vi:
            organisation.findings.append(
                Finding(
                    _("%(office)s chưa có chức năng, nhiệm vụ.") % {"office": office},
                    _admin("agency_office_change", office.pk),
                )
            )
    if not AttachedInstitution.objects.exists():
        organisation.findings.append(
            Finding(
                _("Chưa chọn đơn vị sự nghiệp trực thuộc Sở."),
                _admin("agency_attachedinstitution_add"),
            )
        )
    yield organisation

    leaders = list(Leader.objects.current().select_related("photo"))
    leaders_item = Item(
        _("Tiểu sử tóm tắt và nhiệm vụ đảm nhiệm của lãnh đạo"),
        "NĐ 42/2022 Đ4 k2; NĐ 224/2026 Đ9 k1 b",
        reverse("agency:leaders"),
        max((leader.updated_at for leader in leaders), default=None),
    )
    if not leaders:
        leaders_item.findings.append(
            Finding(_("Chưa có lãnh đạo Sở nào."), _admin("agency_leader_add"))
        )
    for leader in leaders:
        url = _admin("agency_leader_change", leader.pk)
        if not leader.biography_vi:
            leaders_item.findings.append(
                Finding(_("%(name)s chưa có tiểu sử tóm tắt.") % {"name": leader.name}, url)
            )
        if leader.photo_or_none is None:
            leaders_item.findings.append(
                Finding(_("%(name)s chưa có ảnh chân dung.") % {"name": leader.name}, url)
            )
        if not (leader.phone and leader.email):
            leaders_item.findings.append(
                Finding(
                    _("%(name)s chưa có điện thoại hoặc thư điện tử công vụ.")
                    % {"name": leader.name},
                    url,
                )
            )
    yield leaders_item

    contacts = Item(
        _("Địa chỉ, điện thoại, thư điện tử; cán bộ đầu mối liên hệ của từng đơn vị"),
        "NĐ 42/2022 Đ4 k1 e; Luật TCTT Đ17 k1 m",
        reverse("agency:contacts"),
        organisation.updated,
    )
    for office in offices:
        if not office.contacts.all():
            contacts.findings.append(
                Finding(
                    _("%(office)s chưa có cán bộ đầu mối.") % {"office": office},
                    _admin("agency_office_change", office.pk),
                )
            )
    yield contacts

    register = Item(
        _("Văn bản quy phạm pháp luật, văn bản hành chính; công cụ tìm văn bản"),
        "NĐ 42/2022 Đ4 k1 a; NĐ 224/2026 Đ9 k1 d; Luật TCTT Đ17 k1 a",
        reverse("documents:list"),
        Document.objects.aggregate(latest=Max("updated_at"))["latest"],
    )
    for document in Document.objects.filter(files__isnull=True).select_related("type")[:50]:
        register.findings.append(
            Finding(
                _("%(document)s chưa có tệp văn bản.") % {"document": document},
                _admin("documents_document_change", document.pk),
            )
        )
    yield register

    procedures = Item(
        _("Thủ tục hành chính, dịch vụ công trực tuyến (liên kết tới cổng dịch vụ công)"),
        "NĐ 42/2022 Đ4 k1 c; NĐ 224/2026 Đ9 k1 a",
        reverse("services:list"),
        Procedure.objects.aggregate(latest=Max("updated_at"))["latest"],
    )
    if not Procedure.objects.active().exists():
        procedures.findings.append(
            Finding(_("Chưa có thủ tục hành chính nào."), _admin("services_procedure_add"))
        )
    yield procedures

    coming = week_start(today) + timedelta(days=7)
    schedule = Item(
        _("Lịch công tác của lãnh đạo"),
        "NĐ 43/2011 Đ10 k1 c (nếp quen của các cổng); NĐ 224/2026 Đ9 k2",
        reverse("schedule:current"),
        Week.objects.published().aggregate(latest=Max("updated_at"))["latest"],
    )
    if not Week.objects.published().filter(start=week_start(today)).exists():
        schedule.findings.append(
            Finding(_("Chưa công bố lịch công tác tuần này."), _admin("schedule_week_add"))
        )
    if not Week.objects.published().filter(start=coming).exists():
        schedule.findings.append(
            Finding(
                _("Chưa công bố lịch công tác tuần tới (từ %(day)s).")
                % {"day": coming.strftime("%d/%m/%Y")},
                _admin("schedule_week_add"),
            )
        )
    yield schedule

    news = Item(
        _("Tin tức, sự kiện; phổ biến, hướng dẫn thực hiện pháp luật"),
        "NĐ 42/2022 Đ4 k1 d; Luật TCTT Đ17 k1 b",
        reverse("news:article-list"),
        Article.objects.published().aggregate(latest=Max("published_at"))["latest"],
    )
    yield news

    for provider in _providers:
        yield from provider()

    with translation.override("en"):
        english_url = reverse("agency:home")
    english = Item(
        _("Thông tin bằng tiếng Anh: cơ cấu tổ chức, chức năng, liên hệ"),
        _("NĐ 42/2022 Đ7 k2 (NĐ 224/2026 không còn yêu cầu)"),
        english_url,
    )
    translated = [
        *AgencyPage.objects.all(),
        *Office.objects.current(),
        *Leader.objects.current(),
    ]
    english.updated = max((o.en_updated_at for o in translated if o.en_updated_at), default=None)
    for obj in translated:
        url = _admin(f"agency_{obj._meta.model_name}_change", obj.pk)
        if not obj.is_translated("en"):
            english.findings.append(
                Finding(_("%(item)s chưa có bản tiếng Anh.") % {"item": obj}, url)
            )
        elif obj.english_is_stale:
            english.findings.append(
                Finding(
                    _("Bản tiếng Anh của %(item)s cũ hơn bản tiếng Việt (sửa %(day)s).")
                    % {
                        "item": obj,
                        "day": timezone.localtime(obj.vi_updated_at).strftime("%d/%m/%Y"),
                    },
                    url,
                )
            )
    yield english


def gap_count() -> int:
    return sum(len(item.findings) for item in items())


def checklist_view(request):
    if not roles.reads_checklist(request.user):
        raise PermissionDenied
    from django.contrib import admin

    found = items()
    context = {
        **admin.site.each_context(request),
        "title": _("Kiểm tra nội dung cổng theo Nghị định"),
        "items": found,
        "gaps": sum(len(item.findings) for item in found),
    }
    return TemplateResponse(request, "admin/agency/checklist.html", context)
