"""Objects' public addresses are Django's `reverse` of their URL pattern and slug, under the
script prefix the portal is served at."""

import pytest
from django.urls import reverse, set_script_prefix

from tests.factories import ArticleFactory, CategoryFactory, InstitutionFactory, WorkPlanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["khai-mac-lien-hoan-2026", "a", "zzslugzz", "x_1"])
def test_same_address_as_reverse(slug):
    article = ArticleFactory(slug=slug)
    category = CategoryFactory(slug=slug)
    institution = InstitutionFactory(slug=slug)
    assert article.get_absolute_url() == reverse("news:article-detail", kwargs={"slug": slug})
    assert category.get_absolute_url() == reverse("news:category", kwargs={"slug": slug})
    assert institution.get_absolute_url() == reverse("institutions:detail", kwargs={"slug": slug})


def test_follows_the_script_prefix():
    article = ArticleFactory(slug="tin-a")
    try:
        set_script_prefix("/cong-thong-tin/")
        assert article.get_absolute_url() == "/cong-thong-tin/tin-tuc/tin-a/"
    finally:
        set_script_prefix("/")
    assert article.get_absolute_url() == "/tin-tuc/tin-a/"


@pytest.mark.parametrize("year", [2022, 2026])
def test_other_arguments_are_part_of_the_address(year):
    for slug in ("trung-tam-van-hoa-tinh", "nha-van-hoa-ap-1"):
        plan = WorkPlanFactory(institution=InstitutionFactory(slug=slug), year=year)
        assert plan.get_absolute_url() == reverse(
            "work_plans:plan", kwargs={"year": year, "slug": slug}
        )
