import random

import pytest

from news.models import Category
from tests.factories import CategoryFactory
from vietnamese.sorting import SortKey, sort_key, sorted_vietnamese

PROVINCES_IN_ORDER = [
    "An Giang",
    "Bắc Ninh",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Phòng",
    "Hồ Chí Minh",
    "Huế",
    "Hưng Yên",
    "Khánh Hòa",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Nghệ An",
    "Ninh Bình",
    "Phú Thọ",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sơn La",
    "Tây Ninh",
    "Thái Nguyên",
    "Thanh Hóa",
    "Tuyên Quang",
    "Vĩnh Long",
]
# Letters decide first; tones only between the same letters, in dictionary order.
TONES_IN_ORDER = ["Ma", "ma", "Mà", "Mả", "Mã", "Má", "Mạ", "Mac", "Măc", "Mâc"]
ODD_NAMES = [
    "",
    "Nhà văn hóa thôn 2",
    "Nhà văn hóa thôn 10",
    "Nhà văn hoá thôn 3",
    "Trung tâm Văn hóa – Điện ảnh",
    "Trung tâm Văn hóa, Thể thao",
    "(Khác)",
    "Fansipan",
    "Zalo",
    "ĐẢO PHÚ QUÝ",
    "đảo Phú Quốc",
    "Ư",
    "Ưu tiên",
]


def shuffled(names):
    names = list(names)
    random.Random(21).shuffle(names)
    return names


def test_provinces_in_vietnamese_alphabetical_order():
    assert sorted_vietnamese(shuffled(PROVINCES_IN_ORDER)) == PROVINCES_IN_ORDER


def test_tones_come_after_letters():
    assert sorted(shuffled(TONES_IN_ORDER), key=sort_key) == TONES_IN_ORDER


def test_code_point_order_is_what_this_replaces():
    assert sorted(PROVINCES_IN_ORDER) != PROVINCES_IN_ORDER
    assert sorted(["Cà Mau", "Cao Bằng"]) == ["Cao Bằng", "Cà Mau"]


@pytest.mark.django_db
def test_the_database_orders_as_python_does():
    names = [*PROVINCES_IN_ORDER, *TONES_IN_ORDER[::2], *ODD_NAMES[1:]]
    for name in shuffled(names):
        CategoryFactory(name=name)

    in_database = list(Category.objects.order_by(SortKey("name")).values_list("name", flat=True))
    keys = list(Category.objects.order_by(SortKey("name")).values_list(SortKey("name"), flat=True))

    assert in_database == sorted_vietnamese(names)
    assert keys == [sort_key(name) for name in in_database]
    provinces = [name for name in in_database if name in PROVINCES_IN_ORDER]
    assert provinces == PROVINCES_IN_ORDER
