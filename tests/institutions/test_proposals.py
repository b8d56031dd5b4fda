"""Everything staff change on an institution's public page waits for a leader: text fields,
photos and facilities; one pending proposal per institution, seen and amended in the form;
an approval never undoes a change made since the proposal was sent (issue 18, cases 1-2)."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from institutions import reviewing
from institutions.models import (
    FacilityKind,
    InstitutionFacility,
    InstitutionPhoto,
    ProfileChange,
)
from tests.factories import InstitutionFactory, jpeg_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(staff_a):
    institution = InstitutionFactory(
        name="Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp", phone="0277 3851 234"
    )
    institution.editors.add(staff_a)
    InstitutionPhoto.objects.create(
        institution=institution, image=jpeg_file(name="tru-so.jpg"), caption="Trụ sở", order=1
    )
    InstitutionFacility.objects.create(
        institution=institution, kind=FacilityKind.objects.get(name="Diện tích sàn"), value=2400
    )
    return institution


def upload(color=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), color).save(buffer, "JPEG")
    return SimpleUploadedFile("san-khau.jpg", buffer.getvalue(), content_type="image/jpeg")


def form_data(client, institution) -> dict:
    """What the change form would post as it stands (fields, photos and facilities)."""
    from tests.culture_portal.form_data import admin_form_data

    url = reverse("admin:institutions_institution_change", args=[institution.pk])
    return admin_form_data(client.get(url))


def change_url(institution):
    return reverse("admin:institutions_institution_change", args=[institution.pk])


def test_a_photo_added_by_staff_waits_for_the_leader(client, staff_a, leader, centre):
    client.force_login(staff_a)
    data = form_data(client, centre)
    total = int(data["photos-TOTAL_FORMS"])
    data |= {
        "photos-TOTAL_FORMS": str(total + 1),
        f"photos-{total}-image": upload(),
        f"photos-{total}-caption": "Sân khấu ngoài trời",
        f"photos-{total}-alt_text": "Sân khấu ngoài trời của trung tâm",
        f"photos-{total}-order": "2",
    }
    response = client.post(change_url(centre), data, follow=True)
    assertContains(response, "Đã gửi thay đổi hồ sơ")
    assertNotContains(response, "thành công")  # one message, the right one
    assert centre.photos.count() == 1  # not public yet
    client.logout()
    assertNotContains(client.get(centre.get_absolute_url()), "Sân khấu ngoài trời")

    change = ProfileChange.objects.get(institution=centre, status="pending")
    client.force_login(leader)
    review = reverse("admin:institutions_profilechange_review", args=[change.pk])
    page = client.get(review)
    assertContains(page, "Sân khấu ngoài trời")  # the leader sees the photos, before and after
    assertContains(page, "(ảnh mới)")
    client.post(review, {"_approve": "1"})
    assert centre.photos.count() == 2
    client.logout()
    assertContains(client.get(centre.get_absolute_url()), "Sân khấu ngoài trời")


def test_removing_a_photo_and_changing_a_facility_wait_too(client, staff_a, leader, centre):
    client.force_login(staff_a)
    data = form_data(client, centre)
    data |= {"photos-0-DELETE": "on", "facilities-0-value": "3000"}
    client.post(change_url(centre), data)
    assert centre.photos.count() == 1
    assert centre.facilities.get().value == 2400
    change = ProfileChange.objects.get(institution=centre, status="pending")
    client.force_login(leader)
    page = client.get(reverse("admin:institutions_profilechange_review", args=[change.pk]))
    assertContains(page, "Cơ sở vật chất")
    assertContains(page, "<ins>3000 m²</ins>", html=False)
    reviewing.approve_profile_change(change, by=leader)
    assert centre.photos.count() == 0
    assert centre.facilities.get().value == 3000


def test_staff_see_and_amend_their_pending_proposal(client, staff_a, centre):
    client.force_login(staff_a)
    client.post(change_url(centre), form_data(client, centre) | {"phone": "0277 1111 111"})
    page = client.get(change_url(centre))
    assertContains(page, "Bạn đang xem đề nghị thay đổi đang chờ lãnh đạo duyệt")
    assertContains(page, 'value="0277 1111 111"')  # the proposal, not the public value
    response = client.post(
        change_url(centre), form_data(client, centre) | {"phone": "0277 2222 222"}, follow=True
    )
    assertContains(response, "bản vừa lưu thay cho bản gửi trước")
    pending = ProfileChange.objects.filter(institution=centre, status="pending")
    assert pending.count() == 1
    assert pending.get().proposed == {"phone": "0277 2222 222"}
    assert pending.get().previous == {"phone": "0277 3851 234"}


def test_staff_withdraw_their_proposal(client, staff_a, centre):
    client.force_login(staff_a)
    client.post(change_url(centre), form_data(client, centre) | {"phone": "0277 1111 111"})
    response = client.post(
        reverse("admin:institutions_institution_withdraw", args=[centre.pk]), follow=True
    )
    assertContains(response, "Đã rút đề nghị thay đổi")
    assert ProfileChange.objects.get(institution=centre).status == "withdrawn"
    assertContains(response, 'value="0277 3851 234"')


def test_an_older_proposal_cannot_overwrite_a_newer_one(client, staff_a, leader, centre):
    """Case 2: 1111 then 2222, approving 'the older' is impossible: there is one proposal,
    and an approval whose base is no longer public is refused with the reason."""
    reviewing.submit_profile_change(centre, {"phone": "0277 1111 111"}, by=staff_a)
    newer = reviewing.submit_profile_change(centre, {"phone": "0277 2222 222"}, by=staff_a)
    assert ProfileChange.objects.filter(institution=centre, status="pending").count() == 1
    reviewing.approve_profile_change(newer, by=leader)
    centre.refresh_from_db()
    assert centre.phone == "0277 2222 222"

    # A proposal made against a public page that a leader has changed since.
    stale = reviewing.submit_profile_change(centre, {"phone": "0277 3333 333"}, by=staff_a)
    centre.phone = "0277 4444 444"  # a leader's own edit
    centre.save()
    client.force_login(leader)
    review = reverse("admin:institutions_profilechange_review", args=[stale.pk])
    page = client.get(review)
    assertContains(page, "đã thay đổi (điện thoại) sau khi đề nghị này được gửi")
    assertContains(page, "0277 4444 444")  # what is public now, not what was when sent
    assertNotContains(page, 'name="_approve"')
    response = client.post(review, {"_approve": "1"}, follow=True)
    assertContains(response, "Không duyệt được")
    centre.refresh_from_db()
    assert centre.phone == "0277 4444 444"


def test_the_database_holds_one_pending_proposal_per_institution(centre, staff_a):
    from django.db import IntegrityError, transaction

    reviewing.submit_profile_change(centre, {"phone": "0277 1111 111"}, by=staff_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfileChange.objects.create(institution=centre, proposed={}, previous={})


def test_a_leader_edits_the_public_page_directly(client, leader, centre):
    client.force_login(leader)
    data = form_data(client, centre) | {"phone": "0277 5555 555", "facilities-0-value": "10"}
    assert client.post(change_url(centre), data).status_code == 302
    centre.refresh_from_db()
    assert centre.phone == "0277 5555 555" and centre.facilities.get().value == 10
    assert not ProfileChange.objects.exists()


def test_the_form_shows_proposed_photos_with_their_captions(client, staff_a, centre):
    client.force_login(staff_a)
    data = form_data(client, centre) | {"photos-0-caption": "Trụ sở sau khi sửa"}
    client.post(change_url(centre), data)
    html = client.get(change_url(centre)).content.decode()
    assert re.search(r'value="Trụ sở sau khi sửa"', html)
    assert centre.photos.get().caption == "Trụ sở"
