"""The demo content never rewrites what people entered: loading it again makes what is missing
and leaves every row that exists as it is; `make serve` loads none into a database in use."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from identity import demo as identity_demo
from institutions import demo as institutions_demo
from institutions import reviewing
from institutions.models import Institution, InstitutionFacility
from news import demo as news_demo
from news.models import Article, Category
from work_plans import demo as work_plans_demo
from work_plans.models import WorkPlan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_photos(monkeypatch):
    """The demo's photos drawn small: what is tested here is which rows are made."""
    from photos.demo import demo_photo

    def small(seed):
        return demo_photo(seed, width=480, height=320)

    monkeypatch.setattr(news_demo, "demo_photo", small)
    monkeypatch.setattr(institutions_demo, "demo_photo", small)


def load_all():
    identity_demo.load()
    news_demo.load()
    institutions_demo.load()
    work_plans_demo.load()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Category, Institution, InstitutionFacility, WorkPlan)
    }


def test_reloading_the_demo_keeps_every_edit():
    load_all()
    before = counts()
    User = get_user_model()
    leader, staff = User.objects.get(username="lanhdao"), User.objects.get(username="canbo")
    centre = Institution.objects.get(name="Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp")
    change = reviewing.submit_profile_change(
        centre, {"phone": "0277 2222 222", "opening_hours": "Cả tuần, 7 giờ – 21 giờ"}, by=staff
    )
    reviewing.approve_profile_change(change, by=leader)
    centre.facilities.update(value=999)
    centre.editors.remove(staff)
    article = Article.objects.filter(source_key="demo-1").get()
    article.title, article.lead = "Tiêu đề đã biên tập", "Sapo đã biên tập."
    article.save()
    Category.objects.filter(slug="van-hoa").update(name="Văn hóa – Nghệ thuật")

    load_all()

    centre.refresh_from_db()
    assert (centre.phone, centre.opening_hours) == ("0277 2222 222", "Cả tuần, 7 giờ – 21 giờ")
    assert set(centre.facilities.values_list("value", flat=True)) == {999}
    assert not centre.editors.filter(pk=staff.pk).exists()
    article.refresh_from_db()
    assert (article.title, article.lead) == ("Tiêu đề đã biên tập", "Sapo đã biên tập.")
    assert Category.objects.get(slug="van-hoa").name == "Văn hóa – Nghệ thuật"
    assert counts() == before  # nothing duplicated either


def test_the_production_like_run_loads_no_demo_into_a_database_in_use():
    load_all()
    Article.objects.exclude(source_key="demo-1").delete()
    before = counts()
    out = io.StringIO()
    call_command("load_demo", "--only-into-empty", stdout=out)
    assert "đã có nội dung" in out.getvalue()
    assert counts() == before
