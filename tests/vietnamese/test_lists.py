"""Lists of places and people read in Vietnamese alphabetical order, wherever they are shown."""

import pytest
from django.urls import reverse

from tests.conftest import make_staff
from tests.factories import AdministrativeUnitFactory, CommuneFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

# Code-point order would give the reverse of each pair.
PROVINCES = ["Cà Mau", "Cao Bằng", "Đà Nẵng", "Điện Biên", "Hà Nội", "Huế"]


def in_page_order(response, names):
    html = response.content.decode()
    # A place may be named with its kind ("tỉnh Cà Mau").
    positions = [html.index(f"{name}<") for name in names]
    return positions == sorted(positions)


@pytest.fixture
def provinces():
    return {name: AdministrativeUnitFactory(name=name) for name in reversed(PROVINCES)}


def test_admin_province_filter_and_unit_list(client, superuser, provinces):
    client.force_login(superuser)

    institutions = client.get(reverse("admin:institutions_institution_changelist"))
    units = client.get(reverse("admin:institutions_administrativeunit_changelist"))

    assert in_page_order(institutions, PROVINCES)
    assert in_page_order(units, PROVINCES)


def test_directory_filter_and_listing(client, provinces):
    for name in ["Nhà văn hóa Đồng Tháp", "Nhà văn hóa Cao Lãnh", "Nhà văn hóa Cà Mau"]:
        InstitutionFactory(name=name, unit=provinces["Cà Mau"])

    response = client.get(reverse("institutions:list"))

    html = response.content.decode()
    options = [html.index(f">{name}</option>") for name in PROVINCES]
    assert options == sorted(options)
    assert in_page_order(
        response, ["Nhà văn hóa Cà Mau", "Nhà văn hóa Cao Lãnh", "Nhà văn hóa Đồng Tháp"]
    )


def test_place_page_lists_communes_in_order(client, provinces):
    province = provinces["Hà Nội"]
    names = ["Cà Mau", "Cao Lãnh", "Hòa Lạc", "Hoài Đức"]
    for name in reversed(names):
        CommuneFactory(name=name, parent=province)

    response = client.get(reverse("institutions:place", args=[province.pk]))

    html = response.content.decode()
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)


def test_follow_up_and_plan_filters_list_provinces_in_order(client, django_user_model, provinces):
    client.force_login(make_staff(django_user_model, "lanhdao", "Lãnh đạo"))

    for url in [reverse("institutions:follow-up"), reverse("work_plans:dashboard", args=[2022])]:
        html = client.get(url).content.decode()
        options = [html.index(f">tỉnh {name}</option>") for name in PROVINCES]
        assert options == sorted(options), url


def test_admin_user_list_by_name(client, superuser, django_user_model):
    for username, name in [("a1", "Đặng Văn Hùng"), ("a2", "Dương Thị Mai"), ("a3", "Đàm Thu")]:
        django_user_model.objects.create_user(username=username, first_name=name)
    client.force_login(superuser)

    response = client.get(reverse("admin:auth_user_changelist"))

    assert in_page_order(response, ["Dương Thị Mai", "Đàm Thu", "Đặng Văn Hùng"])
