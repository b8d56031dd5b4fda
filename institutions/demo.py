"""Demo units and institutions for `manage.py load_demo` (idempotent).

The units of Hòa Bình and Đồng Tháp as they were before 1 July 2025 (with districts) and the
units that succeeded them (Hòa Bình's area now in Phú Thọ; the old Đồng Tháp now in the new
Đồng Tháp, commune codes as in the official 2025 list), the institutions the two seed
articles name, and village cultural houses.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from institutions.models import (
    REFORM_DATE,
    AdministrativeUnit,
    FacilityKind,
    Institution,
    InstitutionFacility,
    InstitutionPhoto,
    InstitutionType,
    Level,
)
from institutions.roles import INSTITUTION_STAFF, LEADERS
from photos.demo import demo_photo
from photos.images import clean_photo
from vietnamese.text import vietnamese_slugify

K = AdministrativeUnit.Kind
OLD = {"valid_to": REFORM_DATE}
NEW = {"valid_from": REFORM_DATE}

# key: (name, kind, level, code, parent key, validity, successor keys)
UNITS = {
    "hb": ("Hòa Bình", K.PROVINCE, Level.PROVINCE, "17", None, OLD, ["pt"]),
    "dt-old": ("Đồng Tháp", K.PROVINCE, Level.PROVINCE, "87", None, OLD, ["dt"]),
    "pt": ("Phú Thọ", K.PROVINCE, Level.PROVINCE, "25", None, NEW, []),
    "dt": ("Đồng Tháp", K.PROVINCE, Level.PROVINCE, "82", None, NEW, []),
    # Districts before the reform.
    "hb-city": (
        "Hòa Bình",
        K.CITY,
        Level.DISTRICT,
        "148",
        "hb",
        OLD,
        ["p-hoa-binh", "p-tan-hoa", "p-ky-son"],
    ),
    "mai-chau": ("Mai Châu", K.DISTRICT, Level.DISTRICT, "159", "hb", OLD, ["x-mai-chau"]),
    "lac-son": ("Lạc Sơn", K.DISTRICT, Level.DISTRICT, "157", "hb", OLD, ["x-lac-son"]),
    "da-bac": ("Đà Bắc", K.DISTRICT, Level.DISTRICT, "151", "hb", OLD, ["x-da-bac"]),
    "cao-lanh-city": ("Cao Lãnh", K.CITY, Level.DISTRICT, "866", "dt-old", OLD, ["p-cao-lanh"]),
    "sa-dec": ("Sa Đéc", K.CITY, Level.DISTRICT, "867", "dt-old", OLD, ["p-sa-dec"]),
    "thap-muoi": ("Tháp Mười", K.DISTRICT, Level.DISTRICT, "875", "dt-old", OLD, ["x-thap-muoi"]),
    "tan-hong": ("Tân Hồng", K.DISTRICT, Level.DISTRICT, "870", "dt-old", OLD, ["x-tan-hong"]),
    # Communes since 1 July 2025 (codes of the official list).
    "p-hoa-binh": ("Hòa Bình", K.WARD, Level.COMMUNE, "4795", "pt", NEW, []),
    "p-tan-hoa": ("Tân Hòa", K.WARD, Level.COMMUNE, "4792", "pt", NEW, []),
    "p-ky-son": ("Kỳ Sơn", K.WARD, Level.COMMUNE, "4894", "pt", NEW, []),
    "x-mai-chau": ("Mai Châu", K.COMMUNE, Level.COMMUNE, "5200", "pt", NEW, []),
    "x-lac-son": ("Lạc Sơn", K.COMMUNE, Level.COMMUNE, "5266", "pt", NEW, []),
    "x-da-bac": ("Đà Bắc", K.COMMUNE, Level.COMMUNE, "4831", "pt", NEW, []),
    "p-cao-lanh": ("Cao Lãnh", K.WARD, Level.COMMUNE, "29869", "dt", NEW, []),
    "p-sa-dec": ("Sa Đéc", K.WARD, Level.COMMUNE, "29905", "dt", NEW, []),
    "x-thap-muoi": ("Tháp Mười", K.COMMUNE, Level.COMMUNE, "30037", "dt", NEW, []),
    "x-tan-hong": ("Tân Hồng", K.COMMUNE, Level.COMMUNE, "29926", "dt", NEW, []),
}

VILLAGES = {
    "x-mai-chau": (K.BAN, ["Lác", "Pom Coọng", "Văn", "Chiềng Sại", "Nà Phòn", "Xô Lồ"]),
    "x-lac-son": (K.XOM, ["Bưng", "Trang Nghìn", "Khả", "Chiềng", "Đồi"]),
    "x-da-bac": (K.BAN, ["Sưng", "Tày Măng", "Mó Hém"]),
    "p-hoa-binh": (K.RESIDENTIAL_GROUP, ["1", "2", "3", "4"]),
    "x-thap-muoi": (K.AP, ["Mỹ Thị", "Mỹ Phú", "Mỹ Hòa", "Bắc Đông", "Mỹ Tây"]),
    "p-sa-dec": (K.RESIDENTIAL_GROUP, ["Tân Hòa", "Phú Long", "Hòa Khánh"]),
    "x-tan-hong": (K.AP, ["Tân Lập", "Tân Thành", "Công Tâm", "Gò Da"]),
    "p-cao-lanh": (K.RESIDENTIAL_GROUP, ["Mỹ Trà", "Hòa Thuận", "Tịnh Thới"]),
}

T_ARTS = "Trung tâm Văn hóa Nghệ thuật tỉnh"
T_CINEMA = "Trung tâm Văn hóa – Điện ảnh tỉnh"
T_MUSEUM = "Bảo tàng tỉnh"
T_LIBRARY = "Thư viện tỉnh"
T_SPORTS = "Trường Năng khiếu thể dục thể thao"
T_DISTRICT = "Trung tâm Văn hóa, Thể thao và Truyền thông cấp huyện"
T_COMMUNE = "Trung tâm Văn hóa – Học tập cộng đồng cấp xã"
T_HOUSE = "Nhà văn hóa thôn, xóm, bản, ấp, tổ dân phố"

# key: (name, type, unit key, extra fields, successor key, closed on)
INSTITUTIONS = {
    "bt-pt": ("Bảo tàng tỉnh Phú Thọ", T_MUSEUM, "pt", {}, None, None),
    "vhnt-pt": ("Trung tâm Văn hóa Nghệ thuật tỉnh Phú Thọ", T_ARTS, "pt", {}, None, None),
    "nk-pt": ("Trường Năng khiếu thể dục thể thao tỉnh Phú Thọ", T_SPORTS, "pt", {}, None, None),
    "bt-hb": (
        "Bảo tàng tỉnh Hòa Bình",
        T_MUSEUM,
        "hb",
        {
            "established_on": date(2019, 1, 1),
            "description": "Bảo tàng của tỉnh Hòa Bình, đi vào hoạt động theo mô hình "
            "mới từ ngày 01/01/2019; từ ngày 01/07/2025 hợp nhất vào Bảo tàng tỉnh Phú Thọ.",
        },
        "bt-pt",
        REFORM_DATE,
    ),
    "vhda-hb": (
        "Trung tâm Văn hóa – Điện ảnh tỉnh Hòa Bình",
        T_CINEMA,
        "hb",
        {"established_on": date(2019, 1, 1)},
        "vhnt-pt",
        REFORM_DATE,
    ),
    "nk-hb": (
        "Trường Năng khiếu, Huấn luyện và Thi đấu thể dục thể thao tỉnh Hòa Bình",
        T_SPORTS,
        "hb",
        {"established_on": date(2019, 1, 1)},
        "nk-pt",
        REFORM_DATE,
    ),
    "vhnt-dt": (
        "Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp",
        T_ARTS,
        "dt",
        {
            "address": "Số 2, đường 30/4, phường Cao Lãnh, tỉnh Đồng Tháp",
            "opening_hours": "Thứ Hai – Thứ Sáu: 7 giờ – 17 giờ; biểu diễn tối thứ Bảy",
            "phone": "0277 3851 567",
            "email": "ttvhnt@dongthap.gov.vn",
            "head_name": "Lê Hoàng Ái Nam",
            "head_title": "Giám đốc",
            "established_on": date(2008, 7, 1),
            "staff_count": 62,
            "latitude": "10.455900",
            "longitude": "105.633100",
            "description": "Đơn vị nghệ thuật cấp tỉnh: biểu diễn nghệ thuật chuyên "
            "nghiệp (cải lương, ca múa nhạc), chiếu phim và tuyên truyền lưu động, cổ "
            "động trực quan, triển lãm, tập huấn nghiệp vụ cho trung tâm cấp huyện, xã.",
        },
        None,
        None,
    ),
    "tv-dt": (
        "Thư viện tỉnh Đồng Tháp",
        T_LIBRARY,
        "dt",
        {
            "address": "Phường Cao Lãnh, tỉnh Đồng Tháp",
            "opening_hours": "Thứ Ba – Chủ nhật: 7 giờ 30 – 17 giờ",
        },
        None,
        None,
    ),
    "mc-district": (
        "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Mai Châu",
        T_DISTRICT,
        "mai-chau",
        {"established_on": date(2019, 1, 1)},
        "mc-commune",
        REFORM_DATE,
    ),
    "hb-district": (
        "Trung tâm Văn hóa, Thể thao và Truyền thông thành phố Hòa Bình",
        T_DISTRICT,
        "hb-city",
        {"established_on": date(2019, 1, 1)},
        "hb-commune",
        REFORM_DATE,
    ),
    "ls-district": (
        "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Lạc Sơn",
        T_DISTRICT,
        "lac-son",
        {"established_on": date(2019, 1, 1)},
        "ls-commune",
        REFORM_DATE,
    ),
    "tm-district": (
        "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện Tháp Mười",
        T_DISTRICT,
        "thap-muoi",
        {},
        "tm-commune",
        REFORM_DATE,
    ),
    "sd-district": (
        "Trung tâm Văn hóa, Thể thao và Truyền thanh thành phố Sa Đéc",
        T_DISTRICT,
        "sa-dec",
        {},
        "sd-commune",
        REFORM_DATE,
    ),
    "mc-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng xã Mai Châu",
        T_COMMUNE,
        "x-mai-chau",
        {"opening_hours": "Hằng ngày: 7 giờ – 21 giờ"},
        None,
        None,
    ),
    "hb-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng phường Hòa Bình",
        T_COMMUNE,
        "p-hoa-binh",
        {},
        None,
        None,
    ),
    "ls-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng xã Lạc Sơn",
        T_COMMUNE,
        "x-lac-son",
        {},
        None,
        None,
    ),
    "db-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng xã Đà Bắc",
        T_COMMUNE,
        "x-da-bac",
        {},
        None,
        None,
    ),
    "tm-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng xã Tháp Mười",
        T_COMMUNE,
        "x-thap-muoi",
        {},
        None,
        None,
    ),
    "sd-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng phường Sa Đéc",
        T_COMMUNE,
        "p-sa-dec",
        {},
        None,
        None,
    ),
    "cl-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng phường Cao Lãnh",
        T_COMMUNE,
        "p-cao-lanh",
        {},
        None,
        None,
    ),
    "th-commune": (
        "Trung tâm Văn hóa – Học tập cộng đồng xã Tân Hồng",
        T_COMMUNE,
        "x-tan-hong",
        {},
        None,
        None,
    ),
}

# Which institutions the seed stories (news/demo.py) name.
SEED_LINKS = {
    "Hòa Bình: hội nghị chuyên đề": [
        "bt-hb",
        "vhda-hb",
        "nk-hb",
        "hb-district",
        "mc-district",
        "ls-district",
    ],
    "Giám đốc Sở làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh": ["vhnt-dt"],
}

# No password here: load_demo gives one, random, only with DEBUG on.
DEMO_ACCOUNTS = [
    ("canbo", INSTITUTION_STAFF, "", "Phạm Thị Hoa", ["vhnt-dt", "mc-commune"]),
    ("lanhdao", LEADERS, "", "Nguyễn Ngọc Thương", []),
]


def _units() -> dict[str, AdministrativeUnit]:
    units, created = {}, set()
    for key, (name, kind, level, code, parent, validity, _next) in UNITS.items():
        units[key], made = AdministrativeUnit.objects.get_or_create(
            level=level,
            code=code,
            valid_from=validity.get("valid_from"),
            defaults={
                "name": name,
                "kind": kind,
                "parent": units.get(parent),
                "valid_to": validity.get("valid_to"),
            },
        )
        if made:
            created.add(key)
    for key, (*_rest, successors) in UNITS.items():
        if key in created:
            units[key].successors.set([units[s] for s in successors])
    for commune, (kind, names) in VILLAGES.items():
        for name in names:
            units[f"{commune}:{name}"], _ = AdministrativeUnit.objects.get_or_create(
                name=name, kind=kind, level=Level.VILLAGE, parent=units[commune]
            )
    return units


def _institution(name, type_name, unit, fields, successor=None, closed_on=None):
    """The demo institution and whether it was made now; one that exists (its profile
    edited and approved since, perhaps) is left as it is."""
    found = (
        Institution.objects.filter(slug=vietnamese_slugify(name)).first()
        or Institution.objects.filter(name=name).first()
    )
    if found is not None:
        return found, False
    kind = InstitutionType.objects.get(name=type_name)
    institution = Institution(name=name, type=kind, level=kind.level, unit=unit, **fields)
    institution.successor = successor
    institution.status = (
        Institution.Status.ACTIVE
        if closed_on is None
        else Institution.Status.MERGED
        if successor
        else Institution.Status.DISSOLVED
    )
    institution.status_changed_on = closed_on
    institution.full_clean()
    institution.save()
    return institution, True


def load() -> dict:
    units = _units()
    made, new = {}, set()
    # Successors first, so merged institutions can point to them.
    ordered = sorted(INSTITUTIONS.items(), key=lambda item: item[1][4] is not None)
    for key, (name, type_name, unit, fields, successor, closed_on) in ordered:
        made[key], created = _institution(
            name, type_name, units[unit], fields, made.get(successor), closed_on
        )
        if created:
            new.add(key)
    for commune, (_kind, names) in VILLAGES.items():
        for name in names:
            village = units[f"{commune}:{name}"]
            _institution(
                f"Nhà văn hóa {village.full_name}",
                T_HOUSE,
                village,
                {
                    "opening_hours": "Tối thứ Bảy và Chủ nhật; các ngày lễ",
                },
            )
    # Photos, facilities and links to the seed articles go with institutions made now only.
    _photos_and_facilities(*(made[key] for key in ("vhnt-dt", "mc-commune") if key in new))
    _link_seed_articles({key: made[key] for key in new})
    accounts = _accounts(made)
    return {"institutions": Institution.objects.count(), "accounts": accounts}


def _photos_and_facilities(*institutions):
    kinds = {kind.name: kind for kind in FacilityKind.objects.all()}
    for number, institution in enumerate(institutions):
        InstitutionPhoto.objects.create(
            institution=institution,
            image=clean_photo(demo_photo(500 + number)),
            caption=f"Trụ sở {institution.name}",
        )
        for name, value in (
            ("Diện tích sàn", 2400 - number * 1800),
            ("Số chỗ ngồi hội trường", 600 - number * 400),
            ("Sân thể thao", 1 + number),
        ):
            InstitutionFacility.objects.create(
                institution=institution, kind=kinds[name], value=value
            )


def _link_seed_articles(made):
    from django.apps import apps

    if not apps.is_installed("news"):
        return
    Article = apps.get_model("news", "Article")
    for title_start, keys in SEED_LINKS.items():
        chosen = [made[k] for k in keys if k in made]
        for article in Article.objects.filter(title__startswith=title_start) if chosen else []:
            article.institutions.add(*chosen)


def _accounts(made) -> list[tuple[str, str]]:
    """The demo accounts as (username, role), each made when missing, without a password;
    an account that exists is left as it is."""
    User = get_user_model()
    accounts = []
    for username, group, last, first, institutions in DEMO_ACCOUNTS:
        user, new_user = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": True,
                "password": make_password(None),  # cannot sign in
            },
        )
        user.groups.add(Group.objects.get(name=group))
        if new_user:  # whom a leader has since taken off an institution stays off it
            for key in institutions:
                made[key].editors.add(user)
        accounts.append((username, group))
    return accounts
