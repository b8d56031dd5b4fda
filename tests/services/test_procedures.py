"""Links to the department's procedures on the public-service portals, by field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from services.models import Procedure
from tests.factories import FieldFactory

pytestmark = pytest.mark.django_db

NATIONAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="


def test_procedures_are_listed_by_field_and_link_to_the_portal(client):
    heritage = FieldFactory(name="Văn hóa – Di sản", order=1)
    tourism = FieldFactory(name="Du lịch", order=2)
    Procedure.objects.create(
        name="Thủ tục cấp thẻ hướng dẫn viên du lịch nội địa", field=tourism, url=NATIONAL + "1"
    )
    Procedure.objects.create(
        name="Thủ tục đăng ký di vật, cổ vật", code="2.001631", field=heritage, url=NATIONAL + "2"
    )
    Procedure.objects.create(
        name="Thủ tục đã bãi bỏ", field=heritage, url=NATIONAL + "3", is_active=False
    )
    response = client.get(reverse("services:list"))
    html = response.content.decode()
    assert (
        html.index("Văn hóa – Di sản")
        < html.index("Thủ tục đăng ký di vật")
        < html.index('id="linh-vuc-du-lich"')
    )
    assertContains(response, f'href="{NATIONAL}2"')
    assertContains(response, "Mã: 2.001631")
    assertNotContains(response, "Thủ tục đã bãi bỏ")


@pytest.mark.parametrize(
    "url",
    ["http://dichvucong.gov.vn/x", "https://example.com/dichvucong.gov.vn", "javascript:alert(1)"],
)
def test_only_https_links_to_government_portals_are_accepted(url):
    procedure = Procedure(name="Thủ tục", field=FieldFactory(), url=url)
    with pytest.raises(ValidationError) as error:
        procedure.full_clean()
    assert "url" in error.value.message_dict
    Procedure(name="Thủ tục", field=FieldFactory(), url=NATIONAL + "1").full_clean()
    Procedure(
        name="Thủ tục", field=FieldFactory(), url="https://dichvucong.dongthap.gov.vn/x"
    ).full_clean()


def test_the_site_search_finds_a_procedure(client):
    Procedure.objects.create(
        name="Thủ tục cấp thẻ hướng dẫn viên du lịch nội địa",
        field=FieldFactory(name="Du lịch"),
        url=NATIONAL + "1",
    )
    response = client.get(reverse("search"), {"q": "huong dan vien"})
    assertContains(response, "/thu-tuc-hanh-chinh/#thu-tuc-")
    assertContains(response, "loai=thu-tuc")
