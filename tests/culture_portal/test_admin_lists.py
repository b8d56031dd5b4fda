"""Admin lists run the same number of queries whatever the number of rows they show."""

import itertools

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CommuneFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
)

pytestmark = pytest.mark.django_db
_numbers = itertools.count()


def someone():
    return get_user_model().objects.create_user(f"nguoi-dung-{next(_numbers)}")


ROWS = {
    "news.article": lambda: ArticlePhotoFactory(article=ArticleFactory(created_by=someone())),
    "institutions.institution": InstitutionFactory,
    "institutions.administrativeunit": CommuneFactory,
    "work_plans.workplan": lambda: WorkPlanFactory(approved_by=someone()),
    "work_plans.progressreport": lambda: ProgressReportFactory(
        submitted_by=someone(), verified_by=someone(), verified_at=timezone.now()
    ),
}


def queries_to_list(client, model) -> int:
    rows = apps.get_model(model).objects.count()
    url = reverse(f"admin:{model.replace('.', '_')}_changelist")
    client.get(url)  # the first request fills per-process caches (content types, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="action-select"') == rows
    return len(queries.captured_queries)


@pytest.mark.parametrize("model", ROWS)
def test_admin_list_queries_do_not_grow_with_its_rows(admin_client, model):
    for _ in range(2):
        ROWS[model]()
    few = queries_to_list(admin_client, model)
    for _ in range(10):
        ROWS[model]()
    many = queries_to_list(admin_client, model)
    assert many == few, f"{few} queries for 2 rows, {many} for 12"
