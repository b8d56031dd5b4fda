"""Object addresses from a pattern reversed once are the addresses `reverse` gives."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from culture_portal.paths import reverse_slug


@pytest.mark.parametrize(
    "viewname", ["news:article-detail", "news:category", "institutions:detail"]
)
@pytest.mark.parametrize("slug", ["khai-mac-lien-hoan-2026", "a", "zzslugzz", "x_1"])
def test_same_address_as_reverse(viewname, slug):
    assert reverse_slug(viewname, slug) == reverse(viewname, kwargs={"slug": slug})


def test_follows_the_script_prefix():
    try:
        set_script_prefix("/cong-thong-tin/")
        assert reverse_slug("news:article-detail", "tin-a") == "/cong-thong-tin/tin-tuc/tin-a/"
    finally:
        set_script_prefix("/")
    assert reverse_slug("news:article-detail", "tin-a") == "/tin-tuc/tin-a/"


@pytest.mark.parametrize("slug", ["", "có dấu", "../x", "a/b"])
def test_refuses_what_is_not_a_slug(slug):
    with pytest.raises(NoReverseMatch):
        reverse_slug("news:article-detail", slug)


@pytest.mark.parametrize("year", [2022, 2026])
def test_other_arguments_are_part_of_the_pattern(year):
    for slug in ("trung-tam-van-hoa-tinh", "nha-van-hoa-ap-1"):
        assert reverse_slug("work_plans:plan", slug, year=year) == reverse(
            "work_plans:plan", kwargs={"year": year, "slug": slug}
        )
