"""Citizens comment on a draft while its period is open; comments wait for the office's
moderation before they show; a closed draft refuses comments with a message."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.forms import CommentForm
from consultations.models import Comment
from page_cache.middleware import content_version
from tests.factories import CommentFactory, DraftFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def comment_data(**values):
    """What a citizen sends, the form shown half a minute ago."""
    return {
        "form_shown": CommentForm.issue_timestamp(at=time.time() - 30),
        "website": "",
        "name": "Nguyễn Thị Lan",
        "email": "lan@example.com",
        "phone": "",
        "section": "Điều 6, khoản 2",
        "body": "Đề nghị mở cửa nhà văn hóa buổi tối các ngày cuối tuần.",
        "agree": "on",
        **values,
    }


def comment_url(draft):
    return reverse("consultations:comment", args=[draft.slug])


def test_a_citizen_comments_and_gets_an_acknowledgement(client):
    draft = DraftFactory()
    form = client.get(comment_url(draft))
    assertContains(form, "Thông tin cá nhân của bạn")
    assertContains(form, "không bao giờ được đăng")
    assertContains(form, "được xoá 90 ngày sau ngày hết hạn góp ý")
    assert "no-store" in form["Cache-Control"]
    assert form["X-Accel-Expires"] == "0"  # nginx's micro-cache ignores Cache-Control

    response = client.post(comment_url(draft), comment_data(), follow=True)
    assertContains(response, "Sở đã nhận góp ý của bạn")
    assertContains(response, "sau khi Văn phòng Sở duyệt")
    assertNotContains(response, "lan@example.com")
    comment = Comment.objects.get()
    assert (comment.draft, comment.status, comment.section) == (draft, "pending", "Điều 6, khoản 2")
    assert not comment.link_heavy
    # Waiting for moderation: not on the draft's page.
    assertNotContains(client.get(draft.get_absolute_url()), "mở cửa nhà văn hóa buổi tối")


def test_a_comment_received_does_not_renew_cached_pages(client):
    draft = DraftFactory()
    client.get(draft.get_absolute_url())
    before = content_version()
    client.post(comment_url(draft), comment_data())
    assert Comment.objects.count() == 1
    assert content_version() == before


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"email": "", "phone": ""}, "email", "Hãy nhập thư điện tử hoặc số điện thoại"),
        ({"email": "lan@", "phone": ""}, "email", "Thư điện tử chưa đúng"),
        ({"email": "", "phone": "12345"}, "phone", "Số điện thoại không hợp lệ"),
        ({"name": ""}, "name", "Hãy nhập họ và tên."),
        ({"body": "   "}, "body", "Hãy nhập nội dung góp ý."),
        ({"body": "x" * 5001}, "body", "5000"),
        ({"agree": ""}, "agree", "Hãy đánh dấu đồng ý để gửi góp ý."),
    ],
)
def test_a_wrong_comment_is_refused_next_to_its_field_and_kept(client, values, field, message):
    draft = DraftFactory()
    data = comment_data(**values)
    response = client.post(comment_url(draft), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assertContains(response, f'id="id_{field}_error"')
    assertContains(response, "Nguyễn Thị Lan" if field != "name" else "Đề nghị mở cửa")
    assert not Comment.objects.exists()


def test_the_public_forms_guards_refuse_bots_and_keep_what_was_typed(client):
    draft = DraftFactory()
    too_fast = comment_data(form_shown=CommentForm.issue_timestamp())
    response = client.post(comment_url(draft), too_fast)
    assertContains(response, "Biểu mẫu được gửi quá nhanh")
    assertContains(response, "Đề nghị mở cửa nhà văn hóa buổi tối")
    honeypot = comment_data(website="http://spam.example")
    assertContains(client.post(comment_url(draft), honeypot), "phải để trống")
    assert not Comment.objects.exists()


def test_a_flood_from_one_address_is_refused_with_429(client, settings):
    settings.PUBLIC_FORM_RATE_PER_ADDRESS = 2
    draft = DraftFactory()
    for n in range(2):
        client.post(comment_url(draft), comment_data(email=f"dan{n}@example.com"))
    response = client.post(comment_url(draft), comment_data(email="dan9@example.com"))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assertContains(response, "quá nhiều lượt gửi từ địa chỉ mạng của bạn", status_code=429)
    assertContains(response, "Đề nghị mở cửa nhà văn hóa buổi tối", status_code=429)
    assert Comment.objects.count() == 2


def test_a_flood_naming_one_contact_is_refused_with_429(client, settings):
    settings.PUBLIC_FORM_RATE_PER_CONTACT = 1
    draft = DraftFactory()
    client.post(comment_url(draft), comment_data(email="LAN@example.com"))
    response = client.post(comment_url(draft), comment_data(email="lan@example.com"))
    assertContains(response, "với địa chỉ e-mail hoặc số điện thoại này", status_code=429)
    assert Comment.objects.count() == 1


def test_a_phone_alone_is_enough(client):
    draft = DraftFactory()
    client.post(comment_url(draft), comment_data(email="", phone="0912 345 678"))
    assert Comment.objects.get().phone == "0912 345 678"


def test_a_comment_full_of_links_is_flagged_for_review(client):
    draft = DraftFactory()
    body = "Xem http://a.example, https://b.example và www.c.example để biết thêm."
    client.post(comment_url(draft), comment_data(body=body))
    comment = Comment.objects.get()
    assert comment.link_heavy and comment.status == "pending"


def test_a_closed_draft_shows_a_message_instead_of_the_form(client):
    draft = DraftFactory(
        opens_on=TODAY() - timedelta(days=30), closes_on=TODAY() - timedelta(days=1)
    )
    page = client.get(draft.get_absolute_url())
    assertContains(page, "Đã hết thời hạn góp ý")
    assertNotContains(page, comment_url(draft))
    form = client.get(comment_url(draft))
    assertContains(form, "Đã hết thời hạn góp ý cho dự thảo này")
    assertNotContains(form, 'name="body"')


def test_a_comment_sent_after_the_period_is_refused_with_what_was_typed(client):
    draft = DraftFactory(
        opens_on=TODAY() - timedelta(days=30), closes_on=TODAY() - timedelta(days=1)
    )
    response = client.post(comment_url(draft), comment_data())
    assert response.status_code == 403
    assertContains(response, "Đã hết thời hạn góp ý cho dự thảo này", status_code=403)
    assertContains(response, "Đề nghị mở cửa nhà văn hóa buổi tối", status_code=403)
    assert not Comment.objects.exists()


def test_a_draft_not_yet_open_takes_no_comment(client):
    draft = DraftFactory(
        opens_on=TODAY() + timedelta(days=2), closes_on=TODAY() + timedelta(days=20)
    )
    assertContains(client.get(draft.get_absolute_url()), "Dự thảo nhận góp ý từ ngày")
    response = client.post(comment_url(draft), comment_data())
    assertContains(response, "chưa đến thời hạn góp ý", status_code=403)
    assert not Comment.objects.exists()


def test_the_last_day_is_still_open(client):
    draft = DraftFactory(opens_on=TODAY() - timedelta(days=10), closes_on=TODAY())
    assertContains(client.get(draft.get_absolute_url()), "còn 1 ngày")
    client.post(comment_url(draft), comment_data())
    assert Comment.objects.count() == 1


def test_only_approved_comments_show(client):
    draft = DraftFactory()
    CommentFactory(draft=draft, body="Ý kiến đã duyệt", status="approved")
    CommentFactory(draft=draft, body="Ý kiến đang chờ", status="pending")
    CommentFactory(draft=draft, body="Ý kiến bị loại", status="rejected")
    CommentFactory(body="Ý kiến của dự thảo khác", status="approved")
    response = client.get(draft.get_absolute_url())
    assertContains(response, "Ý kiến đã duyệt")
    assertContains(response, "Góp ý đã đăng (1)")
    for hidden in ("Ý kiến đang chờ", "Ý kiến bị loại", "Ý kiến của dự thảo khác"):
        assertNotContains(response, hidden)
