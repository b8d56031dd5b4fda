"""Scaling out: uploads in S3-compatible object storage, reads from a replica.

The storage tests run against moto's in-process S3. The whole cluster (replica, two app
servers, nginx, moto's server) is proven by `make cluster` (bench/local_cluster.py).
"""

import json
import os
import subprocess
import sys

import boto3
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import RequestFactory
from django.urls import reverse
from moto import mock_aws

from replicas import routers as db_routers
from tests.factories import ArticleFactory, ArticlePhotoFactory, jpeg_file, pdf_bytes
from tests.work_plans.test_plans import REPORT_ADD, report_data
from work_plans.models import ProgressReport

pytestmark = pytest.mark.django_db

S3 = {
    "bucket_name": "anh",
    "region_name": "us-east-1",
    "access_key": "test",
    "secret_key": "test",
    "file_overwrite": False,
    "default_acl": None,
    "querystring_auth": False,
}


@pytest.fixture
def object_storage(settings, monkeypatch):
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket="anh")
        client.create_bucket(Bucket="minh-chung")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "uploads.storage_s3.PortalS3Storage", "OPTIONS": S3},
            "private": {
                "BACKEND": "uploads.storage_s3.PortalS3Storage",
                "OPTIONS": {**S3, "bucket_name": "minh-chung", "querystring_auth": True},
            },
        }
        settings.SERVE_MEDIA = True
        for alias in ("default", "private"):
            storages._storages.pop(alias, None)
        # The field resolved its storage when the model was loaded: as a server started
        # with these settings would have.
        field = ProgressReport._meta.get_field("evidence_file")
        monkeypatch.setattr(field, "storage", storages["private"])
        yield client
        for alias in ("default", "private"):
            storages._storages.pop(alias, None)


def keys(client, bucket):
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", []))


def test_photos_and_renditions_go_to_the_bucket_and_are_served(client, object_storage):
    photo = ArticlePhotoFactory(article=ArticleFactory(), image=jpeg_file(1200, 800))
    stored = keys(object_storage, "anh")
    assert photo.image.name in stored
    assert len(stored) == 1 + 2 * len(photo.renditions["widths"])  # JPEG and WebP each
    media = reverse("media", args=[photo.image.name])
    response = client.get(media)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert client.get(reverse("media", args=["khong-co.jpg"])).status_code == 404
    assert client.get("/media/../settings.py").status_code == 404


def test_evidence_goes_to_the_private_bucket_and_only_through_the_view(
    client, object_storage, staff_a, staff_b, plans
):
    client.force_login(staff_a)
    pdf = SimpleUploadedFile("minh-chung.pdf", pdf_bytes())
    client.post(REPORT_ADD, report_data(plans["a"], evidence_file=pdf))
    report = ProgressReport.objects.get()
    assert keys(object_storage, "minh-chung") == [report.evidence_file.name]
    assert keys(object_storage, "anh") == []
    url = reverse("work_plans:evidence", args=[report.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(staff_b)
    assert client.get(url).status_code == 404
    assert client.get(reverse("media", args=[report.evidence_file.name])).status_code == 404


def test_the_bucket_keeps_the_type_the_portal_verified_not_the_browsers(
    client, object_storage, staff_a, plans
):
    client.force_login(staff_a)
    html_claim = SimpleUploadedFile("bao-cao.html", pdf_bytes(), content_type="text/html")
    response = client.post(REPORT_ADD, report_data(plans["a"], evidence_file=html_claim))
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    stored = object_storage.head_object(Bucket="minh-chung", Key=report.evidence_file.name)
    assert stored["ContentType"] == "application/pdf"
    assert stored["ContentDisposition"] == "inline"

    photo = ArticlePhotoFactory(article=ArticleFactory(), image=jpeg_file(700, 400))
    for key in keys(object_storage, "anh"):
        stored = object_storage.head_object(Bucket="anh", Key=key)
        assert stored["ContentType"] == ("image/webp" if key.endswith(".webp") else "image/jpeg")
        assert stored["ContentDisposition"] == "inline"
    assert photo.image.name in keys(object_storage, "anh")

    # A file of no verified type (no upload makes one): a download, never a page.
    name = storages["private"].save(
        "evidence/trang.html",
        SimpleUploadedFile("trang.html", b"<script>alert(1)</script>", content_type="text/html"),
    )
    stored = object_storage.head_object(Bucket="minh-chung", Key=name)
    assert stored["ContentType"] == "application/octet-stream"
    assert stored["ContentDisposition"] == "attachment"


def test_the_admin_links_evidence_through_the_portal_not_the_bucket(
    client, object_storage, staff_a, leader, plans
):
    client.force_login(staff_a)
    pdf = SimpleUploadedFile("minh-chung.pdf", pdf_bytes())
    client.post(REPORT_ADD, report_data(plans["a"], evidence_file=pdf))
    report = ProgressReport.objects.get()
    evidence = reverse("work_plans:evidence", args=[report.pk])
    change = reverse("admin:work_plans_progressreport_change", args=[report.pk])
    for user in (staff_a, leader):  # staff may still change it; the leader's page is the same
        client.force_login(user)
        page = client.get(change).content.decode()
        assert f'href="{evidence}"' in page
        assert "X-Amz-Signature" not in page and "minh-chung.s3" not in page
    ProgressReport.objects.filter(pk=report.pk).update(status="verified")
    client.force_login(staff_a)  # now read-only for staff
    page = client.get(change).content.decode()
    assert f'href="{evidence}"' in page
    assert "X-Amz-Signature" not in page


@pytest.fixture
def plans(staff_a, staff_b):
    from tests.work_plans.test_plans import plans as make_plans

    return make_plans.__wrapped__(staff_a, staff_b)


# Read replica routing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "cookies", "replica"),
    [
        ("get", "/tin-tuc/", {}, True),
        ("head", "/", {}, True),
        ("get", "/tin-tuc/", {"sessionid": "x"}, True),  # a made-up session cookie
        ("get", "/tin-tuc/", {"sessionid": "x", "signed_in": "marker"}, False),  # signed in
        ("post", "/tin-tuc/", {}, False),
        ("get", "/admin/", {}, False),
    ],
)
def test_which_requests_may_read_from_the_replica(method, path, cookies, replica):
    from accounts.signed_in import marker_for

    request = getattr(RequestFactory(), method)(path)
    if cookies.get("signed_in") == "marker":
        cookies = {**cookies, "signed_in": marker_for(cookies["sessionid"])}
    request.COOKIES.update(cookies)
    assert db_routers.ReplicaMiddleware.may_use_replica(request) is replica


def test_router_sends_reads_to_the_replica_only_when_told_and_writes_never():
    router = db_routers.ReplicaRouter()
    assert router.db_for_read(None) == "default"
    token = db_routers._use_replica.set(True)
    try:
        assert router.db_for_read(None) == "replica"
        assert router.db_for_write(None) == "default"
    finally:
        db_routers._use_replica.reset(token)
    assert router.allow_migrate("replica", "news") is False
    assert router.allow_migrate("default", "news") is True


def test_without_a_replica_the_middleware_does_nothing(client):
    assert "replica" not in connections.databases
    assert client.get("/").status_code == 200


def test_settings_read_object_storage_and_replica_from_the_environment():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.STORAGES['default'], s.STORAGES['private']['OPTIONS']['bucket_name'],"
        " s.DATABASES['replica']['PORT'], s.DATABASE_ROUTERS, str(s.AXES_COOLOFF_MESSAGE)]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "culture_portal.settings",
        "S3_BUCKET": "anh",
        "S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        "S3_PUBLIC_URL": "https://cdn.example.gov.vn/media",
        "DATABASE_REPLICA_URL": "postgres://portal@10.0.0.2:5433/portal",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    default, private_bucket, port, routers, message = json.loads(out.strip().splitlines()[-1])
    assert default["BACKEND"] == "uploads.storage_s3.PortalS3Storage"
    assert default["OPTIONS"]["custom_domain"] == "cdn.example.gov.vn/media"
    assert default["OPTIONS"]["url_protocol"] == "https:"
    assert private_bucket == "anh-private"
    assert port == 5433 and routers == ["replicas.routers.ReplicaRouter"]
    assert message.startswith("Đăng nhập sai")


def test_without_redis_gunicorn_runs_one_process_so_every_publish_is_seen(monkeypatch):
    """Each process's local-memory cache would miss the others' publishes: one process with
    threads then; with Redis, worker processes."""
    import runpy
    from pathlib import Path

    from django.conf import settings

    conf = Path(settings.BASE_DIR, "deploy", "gunicorn.conf.py")
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("WEB_CONCURRENCY", "4")
    alone = runpy.run_path(str(conf))
    assert (alone["workers"], alone["worker_class"], alone["threads"]) == (1, "gthread", 4)
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    shared = runpy.run_path(str(conf))
    assert (shared["workers"], shared["worker_class"]) == (4, "sync")
