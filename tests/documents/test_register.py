"""The documents register: validation of numbers, the list's filters and search, a
document's page with its files and relations, the feed."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from audit.models import AuditEvent
from documents.models import Document, DocumentType, Issuer
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    DocumentTypeFactory,
    FieldFactory,
    IssuerFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


def new_document(**values):
    fields = {
        "type": DocumentTypeFactory(),
        "number_symbol": "12/QĐ-SVHTTDL",
        "issuer": IssuerFactory(),
        "abstract": "Ban hành Quy chế làm việc",
        "signer": "Trần Văn Minh",
        "issued_on": date(THIS_YEAR, 1, 20),
        **values,
    }
    return Document(**fields)


def errors_of(document) -> dict:
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    return error.value.message_dict


def test_a_valid_number_is_stored_the_standard_way():
    document = new_document(number_symbol="2 / QĐ – SVHTTDL")
    document.full_clean()
    document.save()
    document.refresh_from_db()
    assert document.number_symbol == "02/QĐ-SVHTTDL"
    assert document.number_key == "2 QD SVHTTDL"
    assert document.year == THIS_YEAR


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12 QĐ SVHTTDL", "chưa đúng mẫu"),
        ("12/KH-SVHTTDL", "bắt đầu bằng “QĐ-”"),
        ("12/QD-SVHTTDL", "bắt đầu bằng “QĐ-”"),
        ("12/QĐ-UBND", "không có chữ viết tắt của Sở"),
        ("00/QĐ-SVHTTDL", "bắt đầu từ 01"),
        ("15/2019/QĐ-SVHTTDL", "khác năm ban hành"),
    ],
)
def test_a_wrong_number_is_refused_with_its_reason(typed, message):
    assert message in errors_of(new_document(number_symbol=typed))["number_symbol"][0]


def test_an_official_letter_has_the_issuer_and_a_unit_in_its_symbol():
    letter = DocumentTypeFactory(name="Công văn", abbreviation="")
    new_document(type=letter, number_symbol="123/SVHTTDL-VP").full_clean()
    assert (
        "Ký hiệu công văn"
        in errors_of(new_document(type=letter, number_symbol="123/SVHTTDL"))["number_symbol"][0]
    )


def test_a_number_is_unique_per_issuer_and_year_however_typed():
    DocumentFactory(number_symbol="12/QĐ-SVHTTDL", issued_on=date(THIS_YEAR, 1, 5))
    clash = new_document(number_symbol="12/QĐ-SVHTTDL")
    assert "đã có văn bản số 12/QĐ-SVHTTDL" in errors_of(clash)["number_symbol"][0]
    # The same number of another year, or of another issuer, is another document.
    new_document(issued_on=date(THIS_YEAR - 1, 3, 1)).full_clean()
    other = IssuerFactory(name="Sở Nội vụ", abbreviation="SNV")
    new_document(issuer=other, number_symbol="12/QĐ-SNV").full_clean()


def test_the_database_refuses_a_duplicate_number_too():
    from django.db import IntegrityError, transaction

    DocumentFactory(number_symbol="12/QĐ-SVHTTDL")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(number_symbol="12/QĐ-SVHTTDL")


def test_a_replaced_document_needs_its_replacement_and_a_date():
    errors = errors_of(new_document(status=Document.Status.REPLACED))
    assert "replaced_by" in errors and "ended_on" in errors


def test_dates_are_checked():
    errors = errors_of(new_document(issued_on=timezone.localdate() + timedelta(days=3)))
    assert "không thể sau hôm nay" in errors["issued_on"][0]
    errors = errors_of(new_document(effective_on=date(THIS_YEAR - 1, 1, 1)))
    assert "Ngày có hiệu lực không thể trước ngày ban hành." in str(errors)


def test_office_adds_a_document_with_its_file_in_the_admin(client, superuser):
    client.force_login(superuser)
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "type": DocumentTypeFactory().pk,
        "number_symbol": "5/QĐ-SVHTTDL",
        "issuer": IssuerFactory().pk,
        "field": FieldFactory().pk,
        "abstract": "Thành lập Ban Tổ chức Giải Việt dã",
        "signer": "Nguyễn Văn An",
        "signer_title": "Phó Giám đốc",
        "issued_on": date(THIS_YEAR, 2, 3).strftime("%d/%m/%Y"),
        "effective_on": "",
        "status": "in_force",
        "ended_on": "",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-0-file": SimpleUploadedFile("quyet-dinh.docx", pdf_bytes()),
        "files-0-title": "",
        "files-0-order": "0",
    }
    response = client.post(reverse("admin:documents_document_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    assert document.number_symbol == "05/QĐ-SVHTTDL"
    stored = document.files.get()
    # The name's extension follows the content, not what the upload claimed.
    assert stored.format == "pdf" and stored.size > 0
    assert AuditEvent.objects.filter(object_repr=str(document)).exists()

    data["number_symbol"] = "05 QĐ SVHTTDL"
    data["files-0-file"] = SimpleUploadedFile("a.pdf", b"MZ executable")
    response = client.post(reverse("admin:documents_document_add"), data)
    assertContains(response, "chưa đúng mẫu")
    assertContains(response, "Chỉ nhận tệp PDF, DOC hoặc DOCX")
    assert Document.objects.count() == 1


@pytest.fixture
def register():
    decision = DocumentTypeFactory()
    plan = DocumentTypeFactory(name="Kế hoạch", abbreviation="KH")
    heritage = FieldFactory()
    sports = FieldFactory(name="Thể dục, thể thao")
    IssuerFactory()
    province = IssuerFactory(name="Ủy ban nhân dân tỉnh", abbreviation="UBND")
    return {
        "rules": DocumentFactory(
            type=decision,
            number_symbol="12/QĐ-SVHTTDL",
            abstract="Ban hành Quy chế làm việc của Sở",
            field=heritage,
            issued_on=date(THIS_YEAR, 1, 20),
        ),
        "plan": DocumentFactory(
            type=plan,
            number_symbol="05/KH-SVHTTDL",
            abstract="Tổ chức Giải Việt dã truyền thống",
            field=sports,
            issued_on=date(THIS_YEAR, 3, 2),
        ),
        "old": DocumentFactory(
            type=decision,
            number_symbol="12/QĐ-SVHTTDL",
            abstract="Quy chế cũ",
            issued_on=date(THIS_YEAR - 1, 5, 5),
            status=Document.Status.EXPIRED,
            ended_on=date(THIS_YEAR, 1, 20),
        ),
        "province": DocumentFactory(
            type=decision,
            number_symbol=f"15/{THIS_YEAR}/QĐ-UBND",
            issuer=province,
            abstract="Quy định chức năng, nhiệm vụ của Sở",
            issued_on=date(THIS_YEAR, 2, 1),
        ),
    }


def listed(response) -> set[str]:
    return {f"{d.number_symbol} {d.year}" for d in response.context["object_list"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=ke-hoach", {f"05/KH-SVHTTDL {THIS_YEAR}"}),
        ("field=the-duc-the-thao", {f"05/KH-SVHTTDL {THIS_YEAR}"}),
        ("issuer=uy-ban-nhan-dan-tinh", {f"15/{THIS_YEAR}/QĐ-UBND {THIS_YEAR}"}),
        (f"year={THIS_YEAR - 1}", {f"12/QĐ-SVHTTDL {THIS_YEAR - 1}"}),
        ("status=expired", {f"12/QĐ-SVHTTDL {THIS_YEAR - 1}"}),
        (
            f"type=quyet-dinh&year={THIS_YEAR}&issuer=so-van-hoa-the-thao-va-du-lich",
            {f"12/QĐ-SVHTTDL {THIS_YEAR}"},
        ),
    ],
)
def test_the_list_is_filtered(client, register, query, expected, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("documents:list") + "?" + query)
    assert listed(response) == expected


@pytest.mark.parametrize(
    "typed", ["12/QĐ-SVHTTDL", "12/QD-SVHTTDL", "12 QĐ SVHTTDL", "12 qd svhttdl"]
)
def test_a_number_is_found_however_typed(client, register, typed):
    response = client.get(reverse("documents:list"), {"q": typed})
    assert listed(response) == {f"12/QĐ-SVHTTDL {THIS_YEAR}", f"12/QĐ-SVHTTDL {THIS_YEAR - 1}"}


def test_a_number_with_its_year_and_words_are_found(client, register):
    response = client.get(reverse("documents:list"), {"q": f"15/{THIS_YEAR}/QD-UBND"})
    assert listed(response) == {f"15/{THIS_YEAR}/QĐ-UBND {THIS_YEAR}"}
    response = client.get(reverse("documents:list"), {"q": "viet da"})
    assert listed(response) == {f"05/KH-SVHTTDL {THIS_YEAR}"}
    response = client.get(reverse("documents:list"), {"q": "99/QĐ-SVHTTDL"})
    assertContains(response, "Không có văn bản nào phù hợp")


def test_the_site_search_has_a_documents_tab(client, register):
    response = client.get(reverse("search"), {"q": "quy chế làm việc"})
    assertContains(response, f'<a href="{register["rules"].get_absolute_url()}">')
    assertContains(response, "loai=van-ban")


def test_a_document_page_shows_its_facts_files_and_relations(client, register):
    rules, plan = register["rules"], register["plan"]
    new_rules = DocumentFactory(
        number_symbol="63/QĐ-SVHTTDL", abstract="Sửa đổi Quy chế", issued_on=date(THIS_YEAR, 2, 9)
    )
    rules.status = Document.Status.AMENDED
    rules.save()
    rules.amended_by.add(new_rules)
    replacement = DocumentFactory(
        type=plan.type, number_symbol="18/KH-SVHTTDL", issued_on=date(THIS_YEAR, 4, 1)
    )
    plan.status, plan.replaced_by, plan.ended_on = (
        Document.Status.REPLACED,
        replacement,
        date(THIS_YEAR, 4, 1),
    )
    plan.full_clean()
    plan.save()
    DocumentFileFactory(document=rules, title="Toàn văn")

    response = client.get(rules.get_absolute_url())
    assertContains(response, "Số 12/QĐ-SVHTTDL")
    assertContains(response, "Được sửa đổi, bổ sung bởi")
    assertContains(response, new_rules.get_absolute_url())
    assertContains(response, "(PDF,")
    response = client.get(new_rules.get_absolute_url())
    assertContains(response, "Sửa đổi, bổ sung")
    assertContains(response, rules.get_absolute_url())

    response = client.get(plan.get_absolute_url())
    assertContains(response, "Văn bản này đã bị thay thế bởi")
    assertContains(response, f'href="{replacement.get_absolute_url()}"')
    assertContains(response, "Chưa có tệp văn bản")
    response = client.get(replacement.get_absolute_url())
    assertContains(response, "Thay thế")
    assertContains(response, plan.get_absolute_url())


def test_a_file_is_served_with_its_type_and_a_readable_name(client):
    stored = DocumentFileFactory(document__number_symbol="12/QĐ-SVHTTDL")
    response = client.get(stored.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="12-qd-svhttdl.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    other = DocumentFactory()
    assert client.get(f"/van-ban/{other.slug}/tep/{stored.pk}/").status_code == 404


def test_the_feed_lists_the_newest_documents(client, register):
    response = client.get(reverse("documents:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    assertContains(response, "Kế hoạch 05/KH-SVHTTDL")
    assertContains(response, f"http://testserver{register['plan'].get_absolute_url()}")


def test_a_document_taking_effect_tomorrow_says_so_until_then(client):
    tomorrow = timezone.localdate() + timedelta(days=1)
    document = DocumentFactory(issued_on=timezone.localdate(), effective_on=tomorrow)
    assertContains(client.get(document.get_absolute_url()), "Chưa có hiệu lực")
    listing = client.get(reverse("documents:list"))
    assertContains(listing, 'doc-status--in_force">Chưa có hiệu lực')


def test_types_and_the_office_group_come_with_the_migrations():
    from django.contrib.auth.models import Group

    assert DocumentType.objects.filter(name="Công văn", abbreviation="").exists()
    assert (
        Group.objects.get(name="Văn phòng Sở")
        .permissions.filter(codename="change_document")
        .exists()
    )
    assert not Issuer.objects.exists()
