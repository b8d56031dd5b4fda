"""Property test: arbitrary input in every field of the comment form. Whatever comes in,
never a server error; a refused comment saves nothing, an accepted one is stored as NFC
text without control characters, and waits for moderation."""

import time
import unicodedata

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultations.forms import CommentForm
from consultations.models import Comment
from tests.factories import DraftFactory
from vietnamese.text import CONTROL

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "\u202e\u200b\ufeff",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            unicodedata.normalize("NFD", "Nhà văn hóa ấp Mỹ Hiệp"),
            "x" * 6000,
            "0912 345 678",
            "dan@example.com",
            "http://a.example http://b.example http://c.example",
        ]
    ),
)
FIELDS = ["name", "email", "phone", "section", "body", "agree"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_comment_form_never_fails_or_half_saves(client, data):
    from django.core.cache import cache

    cache.clear()  # the rate limits are not what this test is about
    draft = DraftFactory()
    post = {name: data.draw(NASTY, label=name) for name in FIELDS}
    post["form_shown"] = CommentForm.issue_timestamp(at=time.time() - 30)
    before = Comment.objects.count()
    response = client.post(reverse("consultations:comment", args=[draft.slug]), post)
    assert response.status_code in (200, 302), response.status_code
    assert b"<script>alert(1)</script>" not in response.content
    if response.status_code == 200:
        assert Comment.objects.count() == before
        return
    comment = Comment.objects.latest("pk")
    assert comment.status == "pending"
    for field in ("name", "section", "body"):
        value = getattr(comment, field)
        assert value == unicodedata.normalize("NFC", value)
        assert not CONTROL.search(value), (field, value)
    assert comment.email or comment.phone
