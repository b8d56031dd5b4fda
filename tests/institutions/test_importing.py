import pytest
from django.core.management import call_command

from institutions.importing import import_official_units, import_units_csv
from institutions.models import AdministrativeUnit, Level
from tests.factories import AdministrativeUnitFactory

pytestmark = pytest.mark.django_db


def test_official_units_import_is_idempotent():
    first = import_official_units()
    assert AdministrativeUnit.objects.filter(level=Level.PROVINCE).count() == 34
    assert AdministrativeUnit.objects.filter(level=Level.COMMUNE).count() == 3321
    second = import_official_units()
    assert first.created == 34 + 3321
    assert (second.created, second.updated) == (0, 0)
    assert AdministrativeUnit.objects.count() == 34 + 3321
    dong_thap = AdministrativeUnit.objects.get(level=Level.PROVINCE, code="82")
    assert dong_thap.full_name == "tỉnh Đồng Tháp"
    assert dong_thap.children.filter(name="Cao Lãnh", kind="phuong").exists()


CSV = """code,name,kind,parent_code,parent_level,valid_from,valid_to,successor_codes
17,Hòa Bình,tỉnh,,,,01/07/2025,
159,Mai Châu,huyện,17,1,,01/07/2025,5200
,Lác,bản,159,2,,,
,Thiếu loại,,159,2,,,
160,Không cha,huyện,999,1,,,
161,Ngày sai,huyện,17,1,,31/02/2025,
162,Kết thúc trước,huyện,17,1,01/01/2020,01/01/2019,
"""


def test_csv_reports_bad_rows_with_line_numbers_and_keeps_the_good():
    AdministrativeUnitFactory(name="Mai Châu", kind="xa", level=Level.COMMUNE, code="5200")
    report = import_units_csv(CSV)
    assert report.created == 3
    assert [e.split(":")[0] for e in report.errors] == ["Dòng 5", "Dòng 6", "Dòng 7", "Dòng 8"]
    assert "loại đơn vị" in report.errors[0]
    assert "không tìm thấy đơn vị cấp trên mã 999" in report.errors[1]
    assert "31/02/2025" in report.errors[2]
    mai_chau = AdministrativeUnit.objects.get(code="159")
    assert mai_chau.parent.name == "Hòa Bình"
    assert [u.code for u in mai_chau.successors.all()] == ["5200"]
    assert AdministrativeUnit.objects.get(name="Lác").parent == mai_chau
    again = import_units_csv(CSV)
    assert again.created == 0


def test_csv_without_the_needed_columns_says_so():
    report = import_units_csv("ten,loai\nMai Châu,huyện\n")
    assert report.errors == ["Dòng 1: thiếu cột code, kind, name."]


def test_command_reports_a_missing_file(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_admin_units", csv=tmp_path / "khong-co.csv")
