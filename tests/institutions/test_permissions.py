"""Who may view and change institution A, checked on the server with crafted requests."""

import pytest
from django.urls import reverse

from institutions.models import Institution, ProfileChange
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def institutions(staff_a, staff_b):
    a = InstitutionFactory(name="Thiết chế A", opening_hours="7 giờ – 17 giờ")
    b = InstitutionFactory(name="Thiết chế B")
    a.editors.add(staff_a)
    b.editors.add(staff_b)
    return a, b


def post_data(institution, **changes):
    data = {
        "name": institution.name,
        "slug": institution.slug,
        "type": institution.type_id,
        "level": institution.level,
        "unit": institution.unit_id,
        "address": institution.address,
        "opening_hours": institution.opening_hours,
        "phone": institution.phone,
        "email": "",
        "website": "",
        "head_name": "",
        "head_title": "",
        "description": "",
        "status": institution.status,
        "facilities-TOTAL_FORMS": "0",
        "facilities-INITIAL_FORMS": "0",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


# (who, may view A in the admin, may change A, change goes live at once)
MATRIX = [
    ("anonymous", False, False, False),
    ("editor", False, False, False),
    ("staff_a", True, True, False),
    ("staff_b", False, False, False),
    ("leader", True, True, True),
    ("superuser", True, True, True),
]


@pytest.mark.parametrize("who, can_view, can_change, live", MATRIX)
def test_permission_matrix_on_institution_a(
    client, request, institutions, who, can_view, can_change, live
):
    a, _ = institutions
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    url = reverse("admin:institutions_institution_change", args=[a.pk])
    view = client.get(url)
    if who == "anonymous":
        assert view.status_code == 302 and "/admin/login/" in view["Location"]
    else:
        assert (view.status_code == 200) == can_view, view.status_code

    response = client.post(url, post_data(a, opening_hours="Mở cửa cả ngày"))
    a.refresh_from_db()
    if live:
        assert response.status_code == 302
        assert a.opening_hours == "Mở cửa cả ngày"
    else:
        assert a.opening_hours == "7 giờ – 17 giờ"  # the public profile is unchanged
    pending = ProfileChange.objects.filter(institution=a, status="pending").exists()
    assert pending == (can_change and not live)


def test_staff_list_shows_only_their_own_institutions(client, staff_a, institutions):
    client.force_login(staff_a)
    response = client.get(reverse("admin:institutions_institution_changelist"))
    assert "Thiết chế A" in response.content.decode()
    assert "Thiết chế B" not in response.content.decode()


def test_staff_cannot_set_status_unit_or_editors_even_by_crafted_post(
    client, staff_a, staff_b, institutions
):
    a, b = institutions
    client.force_login(staff_a)
    client.post(
        reverse("admin:institutions_institution_change", args=[a.pk]),
        post_data(
            a,
            status="dissolved",
            status_changed_on="01/01/2026",
            unit=b.unit_id,
            editors=[staff_a.pk, staff_b.pk],
            name="Tên bị đổi",
        ),
    )
    a.refresh_from_db()
    assert a.status == Institution.Status.ACTIVE
    assert a.unit_id != b.unit_id
    assert a.name == "Thiết chế A"
    assert list(a.editors.all()) == [staff_a]


def test_staff_cannot_add_or_delete_institutions(client, staff_a, institutions):
    a, _ = institutions
    client.force_login(staff_a)
    assert client.get(reverse("admin:institutions_institution_add")).status_code == 403
    response = client.post(
        reverse("admin:institutions_institution_delete", args=[a.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Institution.objects.filter(pk=a.pk).exists()


def test_staff_of_b_cannot_see_a_through_history_or_review_pages(client, staff_b, institutions):
    a, _ = institutions
    client.force_login(staff_b)
    history = client.get(reverse("admin:institutions_institution_history", args=[a.pk]))
    assert history.status_code in (302, 403, 404)
    assert client.get(reverse("institutions:review", args=[a.slug])).status_code == 403
    assert client.get(reverse("institutions:follow-up")).status_code == 403


def test_leader_approves_a_pending_change_and_it_goes_public(client, staff_a, leader, institutions):
    a, _ = institutions
    client.force_login(staff_a)
    client.post(
        reverse("admin:institutions_institution_change", args=[a.pk]),
        post_data(a, opening_hours="Thứ Hai – Chủ nhật: 6 giờ – 22 giờ"),
    )
    public = client.get(a.get_absolute_url())
    assert "7 giờ – 17 giờ" in public.content.decode()
    change = ProfileChange.objects.get(institution=a)

    client.force_login(staff_a)
    review_url = reverse("admin:institutions_profilechange_review", args=[change.pk])
    client.post(review_url, {"_approve": "1"})
    change.refresh_from_db()
    assert change.status == "pending"  # staff cannot approve their own change

    client.force_login(leader)
    page = client.get(review_url)
    assert "7 giờ – 17 giờ" in page.content.decode()
    assert "Thứ Hai – Chủ nhật: 6 giờ – 22 giờ" in page.content.decode()
    client.post(review_url, {"_approve": "1"})
    change.refresh_from_db()
    a.refresh_from_db()
    assert change.status == "approved" and change.reviewed_by == leader
    assert a.opening_hours == "Thứ Hai – Chủ nhật: 6 giờ – 22 giờ"
    client.logout()
    assert "6 giờ – 22 giờ" in client.get(a.get_absolute_url()).content.decode()


def test_leader_returns_a_change_with_a_comment(client, staff_a, leader, institutions):
    a, _ = institutions
    client.force_login(staff_a)
    client.post(
        reverse("admin:institutions_institution_change", args=[a.pk]),
        post_data(a, opening_hours="Sai giờ"),
    )
    change = ProfileChange.objects.get(institution=a)
    client.force_login(leader)
    review_url = reverse("admin:institutions_profilechange_review", args=[change.pk])
    response = client.post(review_url, {"_return": "1", "comment": ""}, follow=True)
    assert "Hãy ghi lý do trả lại" in response.content.decode()
    client.post(review_url, {"_return": "1", "comment": "Giờ mở cửa chưa đúng quy định."})
    change.refresh_from_db()
    a.refresh_from_db()
    assert change.status == "returned" and change.comment == "Giờ mở cửa chưa đúng quy định."
    assert a.opening_hours == "7 giờ – 17 giờ"


def test_editor_can_name_institutions_through_the_autocomplete(client, editor, institutions):
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "news",
            "model_name": "article",
            "field_name": "institutions",
            "term": "thiet che",
        },
    )
    assert response.status_code == 200
    names = [item["text"] for item in response.json()["results"]]
    assert {"Thiết chế A", "Thiết chế B"} <= set(names)


def test_a_proposal_names_who_sent_it_by_full_name(client, leader, staff_a):
    from institutions import reviewing

    staff_a.first_name, staff_a.last_name = "Thu Hà", "Phạm"
    staff_a.save()
    institution = InstitutionFactory()
    change = reviewing.submit_profile_change(institution, {"phone": "0277 1"}, by=staff_a)
    client.force_login(leader)

    response = client.get(reverse("admin:institutions_profilechange_review", args=[change.pk]))

    assert "Gửi bởi Phạm Thu Hà lúc" in response.content.decode()
