"""Procedure links of the demo department for `manage.py load_demo` (idempotent).

Names and the heritage codes are those of the national database of procedures; the links
point to the national portal's search by code, as staff would paste them. Codes and levels
change with each province's decision announcing its procedures: check before real use.
"""

from documents.models import Field
from services.models import Procedure

NATIONAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
PROVINCIAL = "https://dichvucong.dongthap.gov.vn/dichvucong/tiepnhanonline?ma_thu_tuc="

# (field, name, code, portal, level)
PROCEDURES = [
    (
        "Văn hóa – Di sản",
        "Thủ tục đăng ký di vật, cổ vật, bảo vật quốc gia",
        "2.001631",
        "national",
        "partial",
    ),
    (
        "Văn hóa – Di sản",
        "Thủ tục cấp giấy phép hoạt động bảo tàng ngoài công lập",
        "1.003793",
        "national",
        "partial",
    ),
    (
        "Văn hóa – Di sản",
        "Thủ tục cấp chứng chỉ hành nghề tu bổ di tích",
        "1.001822",
        "national",
        "partial",
    ),
    (
        "Nghệ thuật biểu diễn",
        "Thủ tục tiếp nhận thông báo tổ chức biểu diễn nghệ thuật",
        "",
        "provincial",
        "full",
    ),
    ("Văn hóa – Di sản", "Thủ tục đăng ký tổ chức lễ hội cấp tỉnh", "", "provincial", "partial"),
    (
        "Gia đình",
        "Cấp Giấy chứng nhận đăng ký thành lập cơ sở cung cấp dịch vụ trợ giúp "
        "phòng, chống bạo lực gia đình",
        "",
        "provincial",
        "partial",
    ),
    (
        "Thể dục, thể thao",
        "Thủ tục cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
        "",
        "provincial",
        "full",
    ),
    (
        "Du lịch",
        "Thủ tục cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa",
        "",
        "provincial",
        "full",
    ),
    ("Du lịch", "Thủ tục cấp thẻ hướng dẫn viên du lịch nội địa", "", "provincial", "full"),
    ("Du lịch", "Thủ tục công nhận điểm du lịch", "", "provincial", "partial"),
]


def load() -> dict:
    for order, (field, name, code, portal, level) in enumerate(PROCEDURES, start=1):
        base = NATIONAL if portal == "national" else PROVINCIAL
        Procedure.objects.get_or_create(
            name=name,
            defaults={
                "code": code,
                "field": Field.objects.get(name=field),
                "portal": portal,
                "level": level,
                "url": base + (code or str(order)),
                "order": order,
            },
        )
    return {"procedures": Procedure.objects.count()}
