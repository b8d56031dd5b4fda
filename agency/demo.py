"""The demo department's introduction, offices and leaders for `manage.py load_demo`
(idempotent; names invented). Texts are in Vietnamese and English, except one leader's
biography and the history page's English, left for the office's checklist to find.
"""

from datetime import date, timedelta

from django.utils import timezone

from agency.models import (
    AgencyPage,
    AttachedInstitution,
    ContactOfficial,
    Leader,
    LeaderPhoto,
    Office,
)
from agency.roles import OFFICE
from institutions.models import Institution, Level
from photos.demo import demo_photo
from photos.images import clean_photo

PAGES = {
    AgencyPage.Kind.OVERVIEW: (
        "Giới thiệu chung",
        "Sở Văn hóa, Thể thao và Du lịch là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, "
        "tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về văn hóa; gia đình; thể dục, "
        "thể thao; du lịch; báo chí; xuất bản, in, phát hành; phát thanh và truyền hình; "
        "thông tin điện tử; thông tin cơ sở và thông tin đối ngoại; quảng cáo.\n\n"
        "Sở có tư cách pháp nhân, có con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về "
        "tổ chức, biên chế và công tác của Ủy ban nhân dân tỉnh, đồng thời chịu sự chỉ đạo, "
        "kiểm tra về nghiệp vụ của Bộ Văn hóa, Thể thao và Du lịch.",
        "About the Department",
        "The Department of Culture, Sports and Tourism is a specialised agency of the "
        "Provincial People's Committee. It advises and assists the Committee in the state "
        "management of culture; family affairs; physical training and sports; tourism; the "
        "press; publishing, printing and distribution; radio and television; electronic "
        "information; grassroots and external information; and advertising.\n\n"
        "The Department has legal status, its own seal and accounts. It is directed by the "
        "Provincial People's Committee in matters of organisation, staffing and work, and "
        "guided in its professional work by the Ministry of Culture, Sports and Tourism.",
    ),
    AgencyPage.Kind.FUNCTIONS: (
        "Chức năng, nhiệm vụ, quyền hạn",
        "1. Trình Ủy ban nhân dân tỉnh dự thảo quyết định, kế hoạch, chương trình, đề án về "
        "văn hóa, gia đình, thể dục, thể thao, du lịch, báo chí, xuất bản và thông tin cơ sở.\n"
        "2. Trình Chủ tịch Ủy ban nhân dân tỉnh dự thảo các quyết định cá biệt thuộc thẩm "
        "quyền.\n"
        "3. Hướng dẫn, tổ chức thực hiện văn bản quy phạm pháp luật, kế hoạch đã được phê "
        "duyệt; thông tin, tuyên truyền, phổ biến pháp luật trong các lĩnh vực được giao.\n\n"
        "4. Về di sản văn hóa: tổ chức kiểm kê, lập hồ sơ xếp hạng di tích; quản lý, bảo vệ "
        "và phát huy giá trị di sản văn hóa vật thể và phi vật thể.\n"
        "5. Về nghệ thuật biểu diễn, điện ảnh, mỹ thuật, nhiếp ảnh và triển lãm; về thư viện; "
        "về văn hóa cơ sở và gia đình.\n"
        "6. Về thể dục, thể thao: phát triển phong trào thể dục, thể thao cho mọi người và "
        "thể thao thành tích cao.\n"
        "7. Về du lịch: quản lý tài nguyên du lịch, xúc tiến và phát triển sản phẩm du lịch.\n"
        "8. Về báo chí, xuất bản, thông tin cơ sở và thông tin đối ngoại.\n\n"
        "9. Thực hiện cải cách hành chính, chuyển đổi số; kiểm tra, giải quyết khiếu nại, tố "
        "cáo, phòng, chống tham nhũng theo quy định; quản lý tổ chức bộ máy, biên chế, tài "
        "chính, tài sản được giao.",
        "Functions, tasks and powers",
        "1. To submit to the Provincial People's Committee draft decisions, plans, programmes "
        "and projects on culture, family affairs, sports, tourism, the press, publishing and "
        "grassroots information.\n"
        "2. To submit to the Chair of the Committee draft individual decisions within the "
        "Chair's competence.\n"
        "3. To guide and carry out approved legal documents and plans; to inform the public "
        "and disseminate the law in its fields.\n\n"
        "4. Cultural heritage: inventories and listing of monuments; protection and promotion "
        "of tangible and intangible heritage.\n"
        "5. Performing arts, cinema, fine arts, photography and exhibitions; libraries; "
        "grassroots culture and families.\n"
        "6. Sports: sport for all and high-performance sport.\n"
        "7. Tourism: tourism resources, promotion and new tourism products.\n"
        "8. The press, publishing, grassroots and external information.\n\n"
        "9. Administrative reform and digital transformation; inspections, complaints and "
        "denunciations, anti-corruption as the law provides; its own organisation, staff, "
        "finances and assets.",
    ),
    AgencyPage.Kind.HISTORY: (
        "Quá trình hình thành và phát triển",
        "Năm 2008, Sở Văn hóa, Thể thao và Du lịch được thành lập trên cơ sở hợp nhất Sở Văn "
        "hóa – Thông tin, Sở Thể dục Thể thao và bộ phận quản lý nhà nước về du lịch.\n\n"
        "Từ ngày 01/7/2025, cùng với việc sắp xếp đơn vị hành chính và tổ chức chính quyền "
        "địa phương hai cấp, Sở tiếp nhận thêm chức năng quản lý nhà nước về báo chí, xuất "
        "bản, thông tin cơ sở và thông tin đối ngoại; Thanh tra Sở kết thúc hoạt động, nhiệm "
        "vụ thanh tra chuyển về Thanh tra tỉnh.",
        "",  # the English text is still to be written: the checklist says so
        "",
    ),
}

# key: (name vi, name en, short name, kind, phone, email, room, valid_from, valid_to)
OFFICES = {
    "vp": (
        "Văn phòng Sở",
        "Department Office",
        "VP",
        Office.Kind.OFFICE,
        "0277 3851 234",
        "vanphong.svhttdl@dongthap.gov.vn",
        "Tầng 1, nhà A",
        None,
        None,
    ),
    "qlvh": (
        "Phòng Quản lý Văn hóa và Gia đình",
        "Culture and Family Affairs Division",
        "QLVH",
        Office.Kind.DIVISION,
        "0277 3851 240",
        "qlvh.svhttdl@dongthap.gov.vn",
        "Tầng 2, nhà A",
        None,
        None,
    ),
    "tdtt": (
        "Phòng Quản lý Thể dục thể thao",
        "Sports Division",
        "QLTDTT",
        Office.Kind.DIVISION,
        "0277 3851 241",
        "tdtt.svhttdl@dongthap.gov.vn",
        "Tầng 2, nhà B",
        None,
        None,
    ),
    "qldl": (
        "Phòng Quản lý Du lịch",
        "Tourism Division",
        "QLDL",
        Office.Kind.DIVISION,
        "0277 3851 242",
        "dulich.svhttdl@dongthap.gov.vn",
        "Tầng 3, nhà A",
        None,
        None,
    ),
    "bcxb": (
        "Phòng Báo chí, Xuất bản và Thông tin cơ sở",
        "Press, Publishing and Grassroots Information Division",
        "BCXB",
        Office.Kind.DIVISION,
        "0277 3851 243",
        "baochi.svhttdl@dongthap.gov.vn",
        "Tầng 3, nhà B",
        date(2025, 7, 1),
        None,
    ),
    "tt": (
        "Thanh tra Sở",
        "Department Inspectorate",
        "TT",
        Office.Kind.INSPECTORATE,
        "",
        "",
        "",
        None,
        date(2025, 7, 1),
    ),
}
FUNCTIONS = {
    "vp": (
        "Tham mưu tổng hợp, hành chính, tổ chức cán bộ, pháp chế, kế hoạch – tài chính; "
        "quản lý Cổng thông tin điện tử và lịch công tác của lãnh đạo Sở.",
        "General advice, administration, personnel, legal affairs, planning and finance; "
        "the portal and the leaders' schedule.",
    ),
    "qlvh": (
        "Quản lý nhà nước về di sản văn hóa, nghệ thuật biểu diễn, văn hóa cơ sở, "
        "thư viện, quảng cáo và công tác gia đình.",
        "Cultural heritage, performing arts, grassroots culture, libraries, "
        "advertising and family affairs.",
    ),
    "tdtt": (
        "Quản lý nhà nước về thể dục, thể thao cho mọi người và thể thao thành tích cao.",
        "Sport for all and high-performance sport.",
    ),
    "qldl": (
        "Quản lý nhà nước về du lịch: tài nguyên, điểm, khu du lịch, lữ hành, lưu trú "
        "và xúc tiến du lịch.",
        "Tourism resources and destinations, travel agencies, accommodation and promotion.",
    ),
    "bcxb": (
        "Quản lý nhà nước về báo chí, xuất bản, in, phát hành, thông tin cơ sở và thông "
        "tin đối ngoại (tiếp nhận từ Sở Thông tin và Truyền thông từ ngày 01/7/2025).",
        "The press, publishing, printing and distribution, grassroots and external "
        "information (taken over from the former Department of Information and "
        "Communications on 1 July 2025).",
    ),
    "tt": (
        "Thanh tra hành chính và thanh tra chuyên ngành về văn hóa, thể thao và du lịch.",
        "Administrative and specialised inspection in culture, sports and tourism.",
    ),
}
# office key: [(name, title vi, title en, duty vi, duty en, phone, email)]
CONTACTS = {
    "vp": [
        (
            "Đỗ Thị Mai",
            "Chánh Văn phòng",
            "Chief of Office",
            "Đầu mối tiếp nhận yêu cầu cung cấp thông tin",
            "Requests for information",
            "0277 3851 235",
            "dtmai.svhttdl@dongthap.gov.vn",
        )
    ],
    "qlvh": [
        (
            "Huỳnh Văn Lộc",
            "Trưởng phòng",
            "Head of Division",
            "Di sản, lễ hội, nghệ thuật biểu diễn",
            "Heritage, festivals, performing arts",
            "0277 3851 244",
            "hvloc.svhttdl@dongthap.gov.vn",
        )
    ],
    "tdtt": [
        (
            "Phan Minh Trí",
            "Trưởng phòng",
            "Head of Division",
            "Giải thi đấu, câu lạc bộ thể thao",
            "Competitions, sports clubs",
            "0277 3851 245",
            "pmtri.svhttdl@dongthap.gov.vn",
        )
    ],
    "qldl": [
        (
            "Võ Ngọc Hân",
            "Phó Trưởng phòng",
            "Deputy Head of Division",
            "Thủ tục lữ hành, hướng dẫn viên",
            "Travel agency and tour guide procedures",
            "0277 3851 246",
            "vnhan.svhttdl@dongthap.gov.vn",
        )
    ],
    # The press office has none yet: the checklist says so.
}
# (name, title vi, title en, portfolio vi, portfolio en, biography vi, biography en, phone)
LEADERS = [
    (
        "Trần Văn Minh",
        "Giám đốc Sở",
        "Director",
        "Lãnh đạo, điều hành chung mọi hoạt động của Sở.\nTrực tiếp phụ trách: tổ chức cán bộ, "
        "kế hoạch – tài chính, thi đua – khen thưởng; Văn phòng Sở.",
        "Leads and manages all of the Department's work.\nIn charge of personnel, planning and "
        "finance, emulation and awards; the Department Office.",
        "Sinh năm 1972. Thạc sĩ Quản lý văn hóa.\nNguyên Phó Giám đốc Sở Văn hóa, Thể thao và "
        "Du lịch (2016 – 2021). Giám đốc Sở từ tháng 3 năm 2021.",
        "Born in 1972. Master of Cultural Management.\nDeputy Director of the Department "
        "(2016 – 2021); Director since March 2021.",
        "0277 3851 200",
        "tvminh.svhttdl@dongthap.gov.vn",
        date(2021, 3, 1),
    ),
    (
        "Nguyễn Văn An",
        "Phó Giám đốc Sở",
        "Deputy Director",
        "Phụ trách lĩnh vực thể dục, thể thao và du lịch; Phòng Quản lý Thể dục thể thao, "
        "Phòng Quản lý Du lịch; Trường Năng khiếu thể dục thể thao.\nChịu trách nhiệm nội "
        "dung Cổng thông tin điện tử của Sở.",
        "In charge of sports and tourism; the Sports Division and the Tourism Division; the "
        "Sports Talent School.\nResponsible for the content of the Department's portal.",
        "Sinh năm 1976. Cử nhân Giáo dục thể chất, Thạc sĩ Quản lý công.\nNguyên Trưởng phòng "
        "Quản lý Thể dục thể thao. Phó Giám đốc Sở từ tháng 8 năm 2022.",
        "Born in 1976. Bachelor of Physical Education, Master of Public Administration.\n"
        "Formerly Head of the Sports Division; Deputy Director since August 2022.",
        "0277 3851 201",
        "nvan.svhttdl@dongthap.gov.vn",
        date(2022, 8, 1),
    ),
    (
        "Lê Thị Thu Hương",
        "Phó Giám đốc Sở",
        "Deputy Director",
        "Phụ trách lĩnh vực văn hóa, gia đình, báo chí, xuất bản và thông tin cơ sở; Phòng "
        "Quản lý Văn hóa và Gia đình, Phòng Báo chí, Xuất bản và Thông tin cơ sở; Bảo tàng "
        "tỉnh, Thư viện tỉnh, Trung tâm Văn hóa Nghệ thuật tỉnh.",
        "In charge of culture, family affairs, the press, publishing and grassroots "
        "information; the Culture and Family Affairs Division and the Press Division; the "
        "provincial museum, library and arts centre.",
        "",  # no biography yet: the checklist says so
        "",
        "0277 3851 202",
        "ltthuong.svhttdl@dongthap.gov.vn",
        date(2025, 7, 1),
    ),
]


def load() -> dict:
    now = timezone.now()
    for kind, (title_vi, body_vi, title_en, body_en) in PAGES.items():
        page = AgencyPage.objects.filter(kind=kind).first() or AgencyPage(kind=kind)
        if page.pk is None:
            page.title_vi, page.body_vi = title_vi, body_vi
            page.title_en, page.body_en = title_en or None, body_en or None
            page.legal_basis = "Quyết định số 15/2026/QĐ-UBND của Ủy ban nhân dân tỉnh"
            page.vi_updated_at = now
            page.en_updated_at = now if title_en else None
            page.save()
    offices = {}
    for order, (key, row) in enumerate(OFFICES.items(), start=1):
        name_vi, name_en, short, kind, phone, email, room, valid_from, valid_to = row
        office = Office.objects.filter(name_vi=name_vi).first() or Office()
        if office.pk is None:
            office.name_vi, office.name_en, office.short_name = name_vi, name_en, short
            office.kind, office.phone, office.email, office.address = kind, phone, email, room
            office.functions_vi, office.functions_en = FUNCTIONS[key]
            office.valid_from, office.valid_to, office.order = valid_from, valid_to, order
            if key == "tt":
                office.successor_note_vi = "Thanh tra tỉnh"
                office.successor_note_en = "the Provincial Inspectorate"
            office.vi_updated_at = office.en_updated_at = now
            office.save()
        offices[key] = office
    for key, contacts in CONTACTS.items():
        office = offices[key]
        if office.contacts.exists():
            continue
        for order, (name, title_vi, title_en, duty_vi, duty_en, phone, email) in enumerate(
            contacts, start=1
        ):
            ContactOfficial.objects.create(
                office=office,
                name=name,
                title_vi=title_vi,
                title_en=title_en,
                duty_vi=duty_vi,
                duty_en=duty_en,
                phone=phone,
                email=email,
                order=order,
                vi_updated_at=now,
                en_updated_at=now,
            )
    for order, row in enumerate(LEADERS, start=1):
        name, title_vi, title_en, port_vi, port_en, bio_vi, bio_en, phone, email, start = row
        leader = Leader.objects.filter(name=name).first() or Leader(name=name)
        if leader.pk is None:
            leader.title_vi, leader.title_en = title_vi, title_en
            leader.portfolio_vi, leader.portfolio_en = port_vi, port_en
            leader.biography_vi, leader.biography_en = bio_vi, bio_en or None
            leader.phone, leader.email, leader.order, leader.term_start = phone, email, order, start
            leader.vi_updated_at = now
            # The Director's English text dates from before his portfolio was last changed.
            leader.en_updated_at = now - timedelta(days=40) if order == 1 else now
            leader.save()
        if order < 3 and not LeaderPhoto.objects.filter(leader=leader).exists():
            LeaderPhoto.objects.create(
                leader=leader,
                image=clean_photo(demo_photo(500 + order, width=600, height=800)),
                alt_text=f"Ảnh chân dung {name}",
            )
    attached = Institution.objects.filter(
        level=Level.PROVINCE, managing_body__isnull=True, status=Institution.Status.ACTIVE
    ).filter(name__endswith="Đồng Tháp")
    for order, institution in enumerate(attached, start=1):
        AttachedInstitution.objects.get_or_create(
            institution=institution, defaults={"order": order}
        )
    return {
        "offices": Office.objects.count(),
        "leaders": Leader.objects.count(),
        "accounts": [_office_account()],
    }


def _office_account() -> tuple[str, str]:
    """A member of the department office, who keeps these sections (demo only): made when
    missing, without a password (load_demo gives one only with DEBUG on)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    username = "vanphong"
    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": "Đỗ Thị Mai", "is_staff": True, "password": make_password(None)},
    )
    user.groups.add(Group.objects.get(name=OFFICE))
    return (username, OFFICE)
