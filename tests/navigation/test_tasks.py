"""Each role's admin home opens with what waits for it, with counts and links."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from institutions.models import ProfileChange
from news.models import Article
from tests.factories import ArticleFactory, InstitutionFactory, ProgressReportFactory

pytestmark = pytest.mark.django_db


def test_publisher_home_counts_articles_waiting_for_review(client, publisher, editor):
    ArticleFactory.create_batch(2, status=Article.Status.REVIEW, published_at=None)
    client.force_login(publisher)
    response = client.get(reverse("admin:index"))
    assertContains(response, "Việc cần làm")
    assertContains(response, 'Tin chờ duyệt</a> <span class="tasks__count">2</span>', html=False)
    assertContains(response, "?publication=pending")
    client.force_login(editor)  # an editor does not review
    assertNotContains(client.get(reverse("admin:index")), "Tin chờ duyệt")


def test_leader_home_links_proposals_reports_follow_up_and_dashboard(client, leader, staff_a):
    institution = InstitutionFactory()
    ProfileChange.objects.create(
        institution=institution, proposed={"phone": "0277 1"}, previous={}, submitted_by=staff_a
    )
    ProgressReportFactory(status="submitted")
    client.force_login(leader)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Thay đổi hồ sơ thiết chế chờ duyệt" in html
    assert "Báo cáo tiến độ chờ xác nhận" in html
    assert reverse("institutions:follow-up") in html
    assert "/bang-theo-doi/" in html


def test_staff_home_shows_a_returned_report(client, staff_a):
    report = ProgressReportFactory(status="returned")
    report.commitment.plan.institution.editors.add(staff_a)
    client.force_login(staff_a)
    assertContains(client.get(reverse("admin:index")), "Báo cáo bị trả lại, cần sửa")
