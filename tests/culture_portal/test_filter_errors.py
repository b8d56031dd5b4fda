"""A refused filter value says why next to its field, and the field points to that message."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, query",
    [
        (reverse("work_plans:year", args=[2022]), {"q": "x" * 500}),
        (reverse("institutions:list"), {"level": "9"}),
        (reverse("news:article-list"), {"q": "x" * 500}),
    ],
)
def test_refused_filter_value_is_described_next_to_its_field(client, url, query):
    html = client.get(url, query).content.decode()
    invalid = [
        tag for tag in re.findall(r"<(?:input|select)[^>]*>", html) if 'aria-invalid="true"' in tag
    ]
    described = [re.search(r'aria-describedby="([^"]+)"', tag)[1] for tag in invalid]
    assert described, "no field is marked invalid"
    for ids in described:
        for message_id in ids.split():
            message = re.search(rf'<p class="field-error" id="{message_id}">([^<]+)</p>', html)
            assert message, f"nothing has the id {message_id}"
            assert message[1].strip()
