"""Withdrawn content leaves every public page at once, the page cache on: an unpublished
article and a withdrawn institution appear nowhere (title, address, photo) — not on the
pages that named them, the plans that cite the article, the feeds, the sitemap or the
search (issue 18, case 9)."""

import pytest
from django.urls import reverse

from institutions.models import InstitutionPhoto
from news import publishing
from tests.factories import (
    AdministrativeUnitFactory,
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    CommitmentFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
    jpeg_file,
)

pytestmark = pytest.mark.django_db
YEAR = 2026


@pytest.fixture
def world():
    province = AdministrativeUnitFactory(name="Đồng Tháp")
    category = CategoryFactory(name="Văn hóa", slug="van-hoa")
    withdrawn = InstitutionFactory(name="Nhà văn hóa sẽ gỡ Khánh Hưng", unit=province)
    InstitutionPhoto.objects.create(
        institution=withdrawn, image=jpeg_file(name="x.jpg"), caption="Nhà văn hóa"
    )
    library = InstitutionFactory(name="Thư viện tỉnh Đồng Tháp", unit=province)
    gone = ArticleFactory(title="Hội diễn sẽ gỡ Tân Hồng", category=category)
    ArticlePhotoFactory(article=gone, caption="Hội diễn")
    gone.institutions.add(withdrawn, library)
    other = ArticleFactory(title="Ngày hội đọc sách", category=category)
    other.institutions.add(withdrawn, library)
    plan = WorkPlanFactory(institution=library, year=YEAR, announcement=gone)
    ProgressReportFactory(commitment=CommitmentFactory(plan=plan), evidence_article=gone)
    WorkPlanFactory(institution=withdrawn, year=YEAR)
    return {
        "province": province,
        "category": category,
        "withdrawn": withdrawn,
        "library": library,
        "gone": gone,
        "other": other,
        "plan": plan,
    }


def public_pages(world) -> list[str]:
    library, province = world["library"], world["province"]
    return [
        reverse("home"),
        reverse("news:article-list"),
        reverse("news:article-list") + "?q=hoi+dien+tan+hong",
        world["category"].get_absolute_url(),
        world["other"].get_absolute_url(),
        reverse("news:feed"),
        reverse("news:category-feed", args=[world["category"].slug]),
        reverse("sitemap"),
        "/sitemap-articles.xml",
        "/sitemap-institutions.xml",
        reverse("search") + "?q=hoi+dien+se+go",
        reverse("search") + "?q=nha+van+hoa+se+go",
        reverse("search") + "?q=nha+van+hoa+se+go&loai=thiet-che",
        reverse("institutions:list"),
        reverse("institutions:list") + f"?province={province.pk}",
        reverse("institutions:list") + "?q=khanh+hung",
        reverse("institutions:places"),
        province.get_absolute_url(),
        library.get_absolute_url(),
        reverse("work_plans:year", kwargs={"year": YEAR}),
        reverse("work_plans:year", kwargs={"year": YEAR}) + "?q=khanh+hung",
        world["plan"].get_absolute_url(),
    ]


def traces(world) -> list[str]:
    article, institution = world["gone"], world["withdrawn"]
    return [
        article.title,
        article.get_absolute_url(),
        article.photos.get().image.name.rsplit(".", 1)[0],
        institution.name,
        institution.get_absolute_url(),
        institution.photos.get().image.name.rsplit(".", 1)[0],
    ]


def test_an_unpublished_article_and_a_withdrawn_institution_appear_nowhere(
    client, world, publisher
):
    pages = public_pages(world)
    before = {page: client.get(page) for page in pages}  # each now in the page cache
    assert {p: r.status_code for p, r in before.items() if r.status_code != 200} == {}
    own_pages = [world["gone"].get_absolute_url(), world["withdrawn"].get_absolute_url()]
    seen = " ".join(r.content.decode() for r in [*before.values(), *map(client.get, own_pages)])
    assert [trace for trace in traces(world) if trace not in seen] == []  # they were public

    publishing.unpublish_article(world["gone"], by=publisher)
    withdrawn = world["withdrawn"]
    withdrawn.is_public = False
    withdrawn.save()

    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        for trace in traces(world):
            assert trace not in html, (page, trace)
    assert client.get(world["gone"].get_absolute_url()).status_code == 404
    assert client.get(withdrawn.get_absolute_url()).status_code == 404
    withdrawn_plan = reverse("work_plans:plan", kwargs={"year": YEAR, "slug": withdrawn.slug})
    assert client.get(withdrawn_plan).status_code == 404


def test_those_who_may_change_a_withdrawn_institution_still_see_it(client, world, leader):
    withdrawn = world["withdrawn"]
    withdrawn.is_public = False
    withdrawn.save()
    client.force_login(leader)
    response = client.get(withdrawn.get_absolute_url())
    assert response.status_code == 200
    assert "đã được gỡ khỏi trang công khai" in response.content.decode()
