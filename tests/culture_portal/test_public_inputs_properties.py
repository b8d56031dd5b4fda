"""Property tests: arbitrary input to every public form, filter and URL parameter.

Whatever a visitor (or a scanner) puts in the query string, public pages answer with a page
(200, or 404 for a page number or object that does not exist), never a server error.
"""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999",
            "1.5",
            "2026-13-45",
            "31/02/2026",
            "' OR 1=1 --",
            "%",
            "_",
            "\x00",
            "😀",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "a" * 5000,
        ]
    ),
)

PAGES = {
    "search": ("search", [], ["q", "loai", "page"]),
    "news": ("news:article-list", [], ["q", "category", "month", "page"]),
    "directory": (
        "institutions:list",
        [],
        ["q", "level", "type", "province", "district", "commune", "status", "page"],
    ),
    "places": ("institutions:places", [], ["truoc-2025", "page"]),
    "plans": ("work_plans:year", [2026], ["page", "q"]),
    "drafts": ("consultations:list", [], ["page"]),
}


@pytest.fixture
def content():
    ArticleFactory(title="Văn hóa đọc")
    InstitutionFactory(name="Thư viện tỉnh")


@pytest.mark.parametrize("page", PAGES)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_public_pages_never_fail_on_arbitrary_parameters(client, content, page, data):
    name, args, params = PAGES[page]
    query = {param: data.draw(NASTY, label=param) for param in params}
    response = client.get(reverse(name, args=args), query)
    assert response.status_code in (200, 404), (query, response.status_code)
    if response.status_code == 200:
        assert b"<script>alert(1)</script>" not in response.content
