from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from institutions.models import AdministrativeUnit, Institution, Level
from tests.factories import AdministrativeUnitFactory, CommuneFactory, InstitutionFactory

pytestmark = pytest.mark.django_db
REFORM = date(2025, 7, 1)


@pytest.fixture
def reform():
    """Hòa Bình's units before the reform and those that hold them today."""
    hoa_binh = AdministrativeUnitFactory(name="Hòa Bình", valid_to=REFORM)
    phu_tho = AdministrativeUnitFactory(name="Phú Thọ", valid_from=REFORM)
    hoa_binh.successors.add(phu_tho)
    city = AdministrativeUnitFactory(
        name="Hòa Bình", kind="thanh_pho", level=Level.DISTRICT, parent=hoa_binh, valid_to=REFORM
    )
    wards = [
        CommuneFactory(name=name, kind="phuong", parent=phu_tho, valid_from=REFORM)
        for name in ("Hòa Bình", "Tân Hòa", "Kỳ Sơn")
    ]
    city.successors.add(*wards)
    mai_chau = AdministrativeUnitFactory(
        name="Mai Châu", kind="huyen", level=Level.DISTRICT, parent=hoa_binh, valid_to=REFORM
    )
    commune = CommuneFactory(name="Mai Châu", parent=phu_tho, valid_from=REFORM)
    mai_chau.successors.add(commune)
    return {
        "hoa_binh": hoa_binh,
        "phu_tho": phu_tho,
        "city": city,
        "wards": wards,
        "mai_chau": mai_chau,
        "commune": commune,
    }


def test_units_valid_on_a_date(reform):
    before = AdministrativeUnit.objects.valid_on(date(2025, 6, 30))
    after = AdministrativeUnit.objects.valid_on(date(2025, 7, 1))
    assert reform["hoa_binh"] in before and reform["hoa_binh"] not in after
    assert reform["phu_tho"] in after and reform["phu_tho"] not in before
    assert reform["city"] in before and reform["wards"][0] in after


def test_unit_that_holds_an_old_unit_today(reform):
    assert reform["hoa_binh"].current_units() == [reform["phu_tho"]]
    assert reform["mai_chau"].current_units() == [reform["commune"]]
    assert set(reform["city"].current_units()) == set(reform["wards"])  # split in three
    assert reform["phu_tho"].current_units() == [reform["phu_tho"]]
    assert reform["city"].current_units(date(2025, 1, 1)) == [reform["city"]]


def test_unit_kind_must_fit_its_level():
    unit = AdministrativeUnit(name="Mỹ Hiệp", kind="xa", level=Level.PROVINCE)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "kind" in error.value.message_dict


def test_database_refuses_an_end_before_the_start():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        AdministrativeUnitFactory(valid_from=date(2025, 7, 1), valid_to=date(2020, 1, 1))


def test_institution_level_must_match_its_unit():
    commune = CommuneFactory()
    institution = InstitutionFactory.build(level=Level.PROVINCE, unit=commune)
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert "cùng cấp" in error.value.message_dict["unit"][0]


@pytest.mark.parametrize(
    "latitude, longitude, field",
    [("48.85", "2.35", "latitude"), ("10.45", "2.35", "longitude"), ("10.45", None, "longitude")],
)
def test_coordinates_must_fall_inside_vietnam(latitude, longitude, field):
    institution = InstitutionFactory.build(
        unit=AdministrativeUnitFactory(),
        latitude=Decimal(latitude),
        longitude=Decimal(longitude) if longitude else None,
    )
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert field in error.value.message_dict


def test_coordinates_of_truong_sa_are_accepted():
    institution = InstitutionFactory.build(
        unit=AdministrativeUnitFactory(), latitude=Decimal("8.64"), longitude=Decimal("111.92")
    )
    institution.full_clean()


@pytest.mark.parametrize("phone", ["12345", "abc", "0277-ABC-1234"])
def test_phone_must_be_well_formed(phone):
    institution = InstitutionFactory.build(unit=AdministrativeUnitFactory(), phone=phone)
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert "phone" in error.value.message_dict


def test_email_must_be_well_formed():
    institution = InstitutionFactory.build(unit=AdministrativeUnitFactory(), email="khong-hop-le")
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert "email" in error.value.message_dict


def test_successor_is_not_itself_and_a_merger_names_one():
    institution = InstitutionFactory()
    institution.successor = institution
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert "successor" in error.value.message_dict
    institution.successor = None
    institution.status = Institution.Status.MERGED
    institution.status_changed_on = date(2025, 7, 1)
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert "cần có thiết chế kế thừa" in error.value.message_dict["successor"][0]


def test_closed_institution_needs_a_date_in_the_database_too():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        InstitutionFactory(status=Institution.Status.DISSOLVED)


def test_slug_and_search_text_from_the_vietnamese_name():
    institution = InstitutionFactory(name="Nhà văn hóa ấp Mỹ Thị")
    assert institution.slug == "nha-van-hoa-ap-my-thi"
    assert list(Institution.objects.search("nha van hoa my thi")) == [institution]


def test_completeness_names_the_missing_fields():
    institution = InstitutionFactory(email="", head_name="")
    assert "thư điện tử" in institution.missing_fields()
    assert "người đứng đầu" in institution.missing_fields()
    assert institution.completeness() < 100
    assert institution in Institution.objects.needing_follow_up()
