from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from news import publishing
from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_publishing_acts_are_in_the_audit_trail(publisher):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    publishing.publish_article(article, by=publisher, at=timezone.now() + timedelta(hours=1))
    publishing.publish_article(article, by=publisher)
    publishing.unpublish_article(article, by=publisher)
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", "user__username"))
    assert actions == [
        ("scheduled", "publisher"),
        ("published", "publisher"),
        ("unpublished", "publisher"),
    ]


def test_deleting_in_the_admin_is_recorded(client, publisher):
    article = ArticleFactory(title="Tin sẽ xoá", status=Article.Status.DRAFT, published_at=None)
    client.force_login(publisher)
    client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
    event = AuditEvent.objects.get()
    assert (event.action, event.object_repr, event.user) == ("deleted", "Tin sẽ xoá", publisher)
    assert Article.history.filter(history_type="-", title="Tin sẽ xoá").exists()


def test_audit_trail_is_visible_to_leaders_and_superusers_only(client, leader, editor, superuser):
    url = reverse("admin:audit_auditevent_changelist")
    for user, status in ((leader, 200), (superuser, 200), (editor, 403)):
        client.force_login(user)
        assert client.get(url).status_code == status


def test_a_publisher_restores_a_deleted_article_with_its_photos(client, publisher, editor):
    from tests.factories import ArticlePhotoFactory

    article = ArticlePhotoFactory(caption="Ảnh còn lại").article
    title, pk = article.title, article.pk
    client.force_login(publisher)
    client.post(reverse("admin:news_article_delete", args=[pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=pk).exists()

    client.force_login(editor)
    assert client.get(reverse("admin:news_article_deleted")).status_code == 403
    record = Article.history.get(id=pk, history_type="-")
    restore = reverse("admin:news_article_restore", args=[record.history_id])
    assert client.post(restore).status_code == 403

    client.force_login(publisher)
    page = client.get(reverse("admin:news_article_deleted"))
    assert title in page.content.decode()
    client.post(restore)
    restored = Article.objects.get(pk=pk)
    assert restored.title == title
    assert [p.caption for p in restored.photos.all()] == ["Ảnh còn lại"]
    assert AuditEvent.objects.filter(action="restored", object_id=str(pk)).exists()
    assert not client.get(reverse("admin:news_article_deleted")).context["records"]
