import shutil
import unicodedata
from datetime import date, datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from news.importing import (
    UnusableFile,
    find_event_date,
    find_institutions,
    parse_byline,
    parse_text,
    propose_title,
    read_text,
)
from news.models import Article, Category
from tests.factories import CategoryFactory
from vietnamese.text import fold

# Exports in the two old portals' layouts (Đồng Tháp: heading repeated, "Xuất bản thông tin",
# a stray "null"; Hòa Bình: no heading, captions indented with no-break spaces, "Các tin khác"),
# written for these tests. The real seed files are imported by the CI smoke step.
SEEDS = Path(__file__).resolve().parent / "exports"
SAMPLES = Path(__file__).resolve().parent / "samples"
DONG_THAP = SEEDS / "dong-thap-2022-trung-tam-vhnt.txt"
HOA_BINH = SEEDS / "hoa-binh-2019-hoi-nghi-thiet-che.txt"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
HOA_BINH_TITLE = (
    "Hội nghị chuyên đề bàn về chất lượng hoạt động của các thiết chế văn hóa, thể thao cấp "
    "huyện, cấp xã và ở xóm, bản trong tỉnh Hòa Bình"
)
DONG_THAP_TITLE = "Giám đốc Sở làm việc với Trung tâm Văn hóa Nghệ thuật Tỉnh về nhiệm vụ năm 2022"


def parse_file(path: Path, **kwargs):
    return parse_text(read_text(path.read_bytes()), **kwargs)


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_news", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


# --- parsing exports in the two old portals' layouts ------------------------------------


def test_dong_thap_seed_gives_title_date_byline_captions_and_paragraphs():
    parsed = parse_file(DONG_THAP)

    assert parsed.title == DONG_THAP_TITLE
    assert not parsed.title_proposed
    assert parsed.event_date == date(2022, 2, 15)
    assert parsed.published_at == datetime(2022, 2, 15, 17, 0, tzinfo=TZ)
    assert parsed.byline == "Thanh Nhàn"
    assert parsed.lead.startswith("Ngày 15 tháng 02 năm 2022, Giám đốc Sở Văn hóa")
    assert parsed.captions == [
        (1, "Giám đốc Trung tâm Lê Hoàng Ái Nam báo cáo tại buổi làm việc"),
        (2, "Toàn cảnh buổi làm việc tại Trung tâm"),
        (3, "Giám đốc Sở Nguyễn Ngọc Thương kết luận buổi làm việc"),
    ]
    paragraphs = parsed.paragraphs
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Tham gia buổi làm việc còn có Phó Giám đốc Sở")
    # A no-break space between two words is a space.
    assert "Thanh tra Sở cùng viên chức và người lao động" in paragraphs[0]
    assert paragraphs[-1].endswith("làm tốt nhiệm vụ trong năm 2022.")
    everything = " ".join([parsed.title, parsed.lead, parsed.body_html, parsed.byline])
    for chrome in ("Xuất bản thông tin", "Chi tiết bài viết", "null", "\u00a0", "  "):
        assert chrome not in everything
    assert unicodedata.is_normalized("NFC", everything)


def test_hoa_binh_seed_without_heading_gets_a_proposed_title():
    parsed = parse_file(HOA_BINH)

    assert parsed.title == HOA_BINH_TITLE
    assert parsed.title_proposed
    assert parsed.needs_review
    # The first date of the first paragraph, not 06/02/2018 or 25/10/2017 quoted later.
    assert parsed.event_date == date(2019, 9, 27)
    assert parsed.byline == "Phòng TC-PC"
    assert parsed.lead.startswith("Ngày 27/9/2019, Sở Văn hóa, Thể thao và Du lịch đã tổ chức")
    assert parsed.captions == [
        (0, "Hai Phó Giám đốc Sở Lưu Huy Linh và Bùi Xuân Trường chủ trì Hội nghị"),
        (1, "Quang cảnh Hội nghị"),
    ]
    assert len(parsed.paragraphs) == 2
    assert parsed.paragraphs[0].startswith("Khai mạc Hội nghị, đồng chí Lưu Huy Linh")
    assert parsed.paragraphs[1].endswith("Ban Chấp hành Trung ương Đảng khóa XI./.")
    assert "Các tin khác" not in parsed.body_html


def test_captions_stay_in_place_in_the_body():
    body = parse_file(DONG_THAP).body_html

    first = body.index("Tham gia buổi làm việc")
    caption = body.index("<p><em>[Ảnh: Toàn cảnh buổi làm việc tại Trung tâm]</em></p>")
    later = body.index("Các phòng chuyên môn của Sở")
    assert first < caption < later


# --- the other date and byline forms (own samples) -------------------------------------


@pytest.mark.parametrize(
    ("name", "event_date", "hour", "byline"),
    [
        ("lien-hoan-sang-ngay.txt", date(2021, 3, 12), 11, "Minh Tuấn"),
        (
            "tap-huan-chieu-ngay-thang-nam.txt",
            date(2020, 11, 20),
            17,
            "Hoàng Yến (Trung tâm Văn hóa, Thể thao và Truyền thanh huyện Lai Vung)",
        ),
        ("trien-lam-toi-gach-ngang.txt", date(2020, 10, 5), 21, "Văn phòng Sở"),
        ("nfd-giai-viet-da.txt", date(2023, 3, 26), 11, "Thanh Nhàn"),
        ("dau-kieu-cu-hoa-nhac.txt", date(2021, 9, 2), 21, "Phòng Quản lý Văn hoá"),
    ],
)
def test_samples_give_event_date_time_of_day_and_byline(name, event_date, hour, byline):
    parsed = parse_file(SAMPLES / name)

    assert parsed.event_date == event_date
    assert parsed.published_at.hour == hour
    assert parsed.byline == byline
    assert not parsed.needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày 27/9/2019, Sở tổ chức hội nghị.", (date(2019, 9, 27), "")),
        ("Ngày 15 tháng 02 năm 2022, ông Thương làm việc.", (date(2022, 2, 15), "")),
        ("Sáng ngày 12/3/2021, tại Nhà văn hóa tỉnh…", (date(2021, 3, 12), "sáng")),
        ("Chiều ngày 20 tháng 11 năm 2020, lớp học khai giảng.", (date(2020, 11, 20), "chiều")),
        ("Tối 05-10-2020, Bảo tàng tỉnh khai mạc.", (date(2020, 10, 5), "tối")),
        ("05-10-2020: khai mạc triển lãm.", (date(2020, 10, 5), "")),
        ("Ngày 31/02/2020 (sai), rồi ngày 01/3/2020.", (date(2020, 3, 1), "")),
        ("Hội nghị tổng kết năm, hạn nộp là tháng sau.", None),
    ],
)
def test_find_event_date_reads_the_forms_vietnamese_news_uses(text, expected):
    assert find_event_date(text) == expected


def test_a_deadline_later_in_the_first_paragraph_is_not_the_event_date():
    parsed = parse_file(SAMPLES / "lien-hoan-sang-ngay.txt")

    assert "trước ngày 30/3/2021" in parsed.lead
    assert parsed.event_date == date(2021, 3, 12)


def test_a_date_only_after_the_first_paragraph_is_not_taken():
    parsed = parse_file(SAMPLES / "khong-co-ngay.txt")

    assert parsed.event_date is None
    assert parsed.published_at is None
    assert parsed.needs_review


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Thanh Nhàn", "Thanh Nhàn"),
        ("Phòng TC-PC", "Phòng TC-PC"),
        ("Tin, ảnh: Minh Tuấn", "Minh Tuấn"),
        ("Tin và ảnh: Thu Hà", "Thu Hà"),
        ("Bài, ảnh: Ngọc Ánh", "Ngọc Ánh"),
        ("Hoàng Yến (Trung tâm Văn hóa tỉnh)", "Hoàng Yến (Trung tâm Văn hóa tỉnh)"),
        ("Trung tâm Văn hóa Nghệ thuật tỉnh", "Trung tâm Văn hóa Nghệ thuật tỉnh"),
        ("Quang cảnh buổi làm việc", None),
        ("Toàn cảnh Hội nghị", None),
        ("Hội nghị kết thúc lúc 17 giờ cùng ngày.", None),
    ],
)
def test_parse_byline_reads_person_unit_and_credit_forms(line, byline):
    assert parse_byline(line) == byline


def test_chrome_share_labels_and_other_news_are_stripped():
    parsed = parse_file(SAMPLES / "lien-hoan-sang-ngay.txt")
    everything = " ".join([parsed.title, parsed.lead, parsed.body_html, parsed.byline])

    assert parsed.title == "Khai mạc Liên hoan Đờn ca tài tử tỉnh lần thứ V"
    for chrome in ("Chia sẻ", "In bài viết", "Lượt xem", "Các tin khác", "Thư viện tỉnh ra mắt"):
        assert chrome not in everything
    assert "\r" not in everything
    assert "Liên hoan kéo dài ba ngày, mỗi đội trình diễn một bài bản tổ" in everything
    assert parsed.captions == [(0, "Tiết mục mở màn của đội huyện Châu Thành")]


def test_nfd_file_is_stored_in_nfc():
    raw = (SAMPLES / "nfd-giai-viet-da.txt").read_bytes().decode()
    assert not unicodedata.is_normalized("NFC", raw)

    parsed = parse_file(SAMPLES / "nfd-giai-viet-da.txt")

    expected = unicodedata.normalize(
        "NFC", "Giải Việt dã truyền thống thu hút hơn một nghìn vận động viên"
    )
    assert parsed.title == expected
    for text in (parsed.title, parsed.lead, parsed.body_html, parsed.byline):
        assert unicodedata.is_normalized("NFC", text)


def test_old_style_tone_marks_are_kept_and_match_the_new_style():
    parsed = parse_file(SAMPLES / "dau-kieu-cu-hoa-nhac.txt")

    assert parsed.title == "Đêm hoà nhạc mừng Quốc khánh của Trung tâm Văn hoá Nghệ thuật tỉnh"
    assert fold(parsed.title) == fold(
        "Đêm hòa nhạc mừng Quốc khánh của Trung tâm Văn hóa Nghệ thuật tỉnh"
    )
    text = (SAMPLES / "dau-kieu-cu-hoa-nhac.txt").read_text()
    new_style = text.replace("hoà", "hòa").replace("hoá", "hóa").replace("Thuỷ", "Thủy")
    assert new_style != text
    assert parse_text(new_style).key == parsed.key


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("nhi-phan.txt", "không phải văn bản thuần"),
        ("rong.txt", "tệp rỗng"),
        ("sai-bang-ma-cp1258.txt", "không phải văn bản UTF-8"),
        ("sai-bang-ma-mojibake.txt", "lỗi bảng mã"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(name, reason):
    with pytest.raises(UnusableFile, match=reason):
        parse_file(SAMPLES / name)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b" \n\xc2\xa0\n\t\n", "tệp rỗng"),
        ("Xuất bản thông tin\n\nnull\n\nCác tin khác\n\nTin cũ".encode(), "khung của cổng cũ"),
        (b"abc\x00\x01\x02def" * 10, "nhị phân"),
    ],
)
def test_files_with_nothing_of_an_article_are_refused(data, reason):
    with pytest.raises(UnusableFile, match=reason):
        parse_text(read_text(data))


def test_utf8_with_bom_and_utf16_are_read():
    text = "Tiêu đề bài\n\nNgày 27/9/2019, Sở tổ chức hội nghị.\n\nThanh Nhàn\n"

    assert parse_text(read_text(b"\xef\xbb\xbf" + text.encode())).title == "Tiêu đề bài"
    assert parse_text(read_text(text.encode("utf-16"))).byline == "Thanh Nhàn"


def test_propose_title_takes_the_event_of_the_first_sentence():
    paragraph = (
        "Sáng ngày 12/3/2021, tại Nhà văn hóa tỉnh, Trung tâm Văn hóa tỉnh khai mạc Liên hoan "
        "Đờn ca tài tử lần thứ V. Liên hoan kéo dài ba ngày."
    )
    assert propose_title(paragraph) == "Liên hoan Đờn ca tài tử lần thứ V"
    assert propose_title("Ngày 27/9/2019, Sở tổ chức hội nghị tổng kết năm.") == (
        "Hội nghị tổng kết năm"
    )
    assert propose_title("Ngày 01/6/2022, thư viện tỉnh mở cửa vào cuối tuần.") == (
        "Thư viện tỉnh mở cửa vào cuối tuần"
    )


# --- institutions named in the text ----------------------------------------------------


def test_find_institutions_ignores_case_diacritics_and_tone_placement():
    museum, centre, cinema, library = object(), object(), object(), object()
    candidates = [
        ("Bảo tàng tỉnh", museum),
        ("Trung tâm Văn hóa", centre),
        ("Trung tâm Văn hóa – Điện ảnh tỉnh", cinema),
        ("Thư viện tỉnh", library),
    ]
    text = (
        "Trung tâm Văn hoá - Điện ảnh tỉnh phối hợp với BẢO\u00a0TÀNG TỈNH tổ chức triển lãm; "
        "trung tâm van hoa cac huyen cung tham gia."
    )

    assert find_institutions(text, candidates) == [cinema, museum, centre]


def test_find_institutions_needs_whole_words():
    hall = object()
    assert find_institutions("Nhà hát Cải lương tỉnh biểu diễn", [("Nhà hát Cả", hall)]) == []
    assert find_institutions("Nhà hát Cải lương tỉnh", [("Nhà hát Cải lương", hall)]) == [hall]
    assert find_institutions("Không nhắc đến đơn vị nào.", [("", hall)]) == []


def test_parse_text_reports_institutions_from_candidates():
    centre = object()
    parsed = parse_file(
        SAMPLES / "dau-kieu-cu-hoa-nhac.txt",
        candidates=[("Trung tâm Văn hóa Nghệ thuật tỉnh", centre), ("Thư viện tỉnh", object())],
    )
    assert parsed.institutions == [centre]


# --- the command -----------------------------------------------------------------------


@pytest.mark.django_db
def test_import_seeds_creates_drafts_with_every_field():
    out, err = run(SEEDS)

    assert "Đã tạo: 2" in out
    assert "Lỗi" not in err
    assert Article.objects.count() == 2
    dong_thap = Article.objects.get(byline="Thanh Nhàn")
    assert dong_thap.status == Article.Status.DRAFT
    assert dong_thap.title == DONG_THAP_TITLE
    assert dong_thap.published_at == datetime(2022, 2, 15, 17, 0, tzinfo=TZ)
    assert dong_thap.lead.startswith("Ngày 15 tháng 02 năm 2022")
    assert dong_thap.body.count("<p>") == 8
    assert "<p><em>[Ảnh: Toàn cảnh buổi làm việc tại Trung tâm]</em></p>" in dong_thap.body
    assert dong_thap.source == "Cổng thông tin cũ (tệp dong-thap-2022-trung-tam-vhnt.txt)"
    assert dong_thap.source_key.startswith("txt-") and len(dong_thap.source_key) <= 64
    assert dong_thap.category.slug == "tin-hoat-dong"
    assert "Có 3 ảnh cần gắn" in dong_thap.editor_note
    assert not dong_thap.editor_note.startswith("CẦN XEM LẠI")

    hoa_binh = Article.objects.get(byline="Phòng TC-PC")
    assert hoa_binh.title == HOA_BINH_TITLE
    assert hoa_binh.status == Article.Status.DRAFT
    assert hoa_binh.published_at == datetime(2019, 9, 27, 17, 0, tzinfo=TZ)
    assert hoa_binh.editor_note.startswith("CẦN XEM LẠI")
    assert "Tiêu đề do hệ thống đề xuất" in hoa_binh.editor_note


@pytest.mark.django_db
def test_published_seed_shows_on_public_pages_and_untitled_one_stays_draft(
    client, django_assert_max_num_queries
):
    out, _ = run(SEEDS, "--status", "published")

    assert "Giữ bản nháp" in out and "hoa-binh-2019-hoi-nghi-thiet-che.txt" in out
    dong_thap = Article.objects.get(byline="Thanh Nhàn")
    hoa_binh = Article.objects.get(byline="Phòng TC-PC")
    assert dong_thap.status == Article.Status.PUBLISHED
    assert hoa_binh.status == Article.Status.DRAFT
    assert hoa_binh.editor_note.startswith("CẦN XEM LẠI")
    with django_assert_max_num_queries(7):
        response = client.get(reverse("news:article-list"))
    assertContains(response, "làm việc với Trung tâm Văn hóa Nghệ thuật Tỉnh")
    assertNotContains(response, "Hội nghị chuyên đề")
    page = client.get(dong_thap.get_absolute_url())
    assertContains(page, "15/02/2022")
    assertContains(page, "[Ảnh: Toàn cảnh buổi làm việc tại Trung tâm]")
    assertContains(page, "Thanh Nhàn")
    assert client.get(hoa_binh.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_running_again_skips_unchanged_and_updates_status_never_duplicates():
    run(SEEDS)
    out, _ = run(SEEDS)
    assert "Bỏ qua: 2" in out
    assert Article.objects.count() == 2

    out, _ = run(SEEDS, "--status", "published")
    assert "Đã cập nhật: 1 · Bỏ qua: 1" in out
    assert Article.objects.count() == 2
    assert Article.objects.get(byline="Thanh Nhàn").status == Article.Status.PUBLISHED

    out, _ = run(SEEDS, "--source-label", "Cổng TTĐT Sở VHTTDL")
    assert "Đã cập nhật: 2" in out
    assert Article.objects.count() == 2
    assert Article.objects.get(byline="Phòng TC-PC").source == (
        "Cổng TTĐT Sở VHTTDL (tệp hoa-binh-2019-hoi-nghi-thiet-che.txt)"
    )

    out, _ = run(SEEDS, "--source-label", "Cổng TTĐT Sở VHTTDL")
    assert "Bỏ qua: 2" in out
    # A re-run with the default status never takes a published article back to draft.
    assert Article.objects.get(byline="Thanh Nhàn").status == Article.Status.PUBLISHED


@pytest.mark.django_db
def test_same_story_in_another_export_is_the_same_article(tmp_path):
    text = DONG_THAP.read_text()
    (tmp_path / "a.txt").write_text(text)
    later_export = text + "\n\nCác tin khác\n\nMột tin khác của cổng cũ\n"
    (tmp_path / "b.txt").write_text(unicodedata.normalize("NFD", later_export))

    out, _ = run(tmp_path)

    assert Article.objects.count() == 1
    assert "Đã tạo: 1" in out
    assert "Bỏ qua: 1" in out
    assert "cùng nội dung với tệp" in out


@pytest.mark.django_db
def test_article_edited_by_staff_is_not_overwritten():
    run(SEEDS)
    article = Article.objects.get(byline="Thanh Nhàn")
    article.title = "Giám đốc Sở làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh"
    article.save()

    out, _ = run(SEEDS, "--status", "published")

    article.refresh_from_db()
    assert article.title == "Giám đốc Sở làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh"
    assert article.status == Article.Status.DRAFT
    assert "đã được biên tập sau khi nhập" in out


@pytest.mark.django_db
def test_dry_run_prints_each_field_and_writes_nothing():
    out, _ = run(SEEDS, "--dry-run", "--status", "published")

    assert Article.objects.count() == 0
    assert Category.objects.count() == 0
    assert "Sẽ tạo chuyên mục “Tin hoạt động”" in out
    assert f"Tiêu đề: {DONG_THAP_TITLE}" in out
    assert "Ngày sự kiện: 15/02/2022 (thời gian đăng 17:00 15/02/2022)" in out
    assert "Tác giả / đơn vị: Thanh Nhàn" in out
    assert "Trạng thái: Đã đăng" in out
    assert "Trạng thái: Bản nháp" in out
    assert "Chú thích ảnh cần gắn: 3" in out
    assert "(sau đoạn 2) Toàn cảnh buổi làm việc tại Trung tâm" in out
    assert "(đầu nội dung) Hai Phó Giám đốc Sở Lưu Huy Linh" in out
    assert "(đề xuất, cần xem lại)" in out
    assert "Nội dung: 5 đoạn" in out
    assert "Mã nguồn nhập: txt-" in out
    assert "Kết quả chạy thử (không ghi gì), 2 tệp — Sẽ tạo: 2" in out


@pytest.mark.django_db
def test_unreadable_files_are_reported_and_the_others_go_in():
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="4 tệp không nhập được"):
        call_command("import_news", str(SAMPLES), stdout=out, stderr=err)

    assert Article.objects.count() == 6
    errors = err.getvalue()
    for name in ("nhi-phan.txt", "rong.txt", "sai-bang-ma-cp1258.txt", "sai-bang-ma-mojibake.txt"):
        assert f"{SAMPLES / name}: " in errors
    assert "tệp rỗng" in errors
    assert "Đã tạo: 6 · Đã cập nhật: 0 · Bỏ qua: 0 · Lỗi: 4" in out.getvalue()
    assert "Đang nhập [" in errors and "10/10 tệp" in errors


@pytest.mark.django_db
def test_publish_without_byline_keeps_a_draft_that_says_why(tmp_path):
    (tmp_path / "tin.txt").write_text(
        "Khai mạc hội chợ sách\n\nNgày 02/4/2024, Thư viện tỉnh khai mạc hội chợ sách.\n\n"
        "Hội chợ kéo dài năm ngày, mở cửa từ 8 giờ đến 21 giờ.\n"
    )

    run(tmp_path / "tin.txt", "--status", "published")

    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert "Chưa đăng được: cần nhập tác giả / đơn vị." in article.editor_note


@pytest.mark.django_db
def test_folder_reads_txt_files_and_names_the_others(tmp_path):
    shutil.copy(DONG_THAP, tmp_path / "tin.TXT")
    (tmp_path / "anh.jpg").write_bytes(b"\xff\xd8\xff")

    out, _ = run(tmp_path)

    assert Article.objects.count() == 1
    assert "Không đọc 1 tệp không phải .txt trong thư mục." in out


@pytest.mark.django_db
def test_existing_category_is_used_and_unknown_one_is_refused():
    culture = CategoryFactory(name="Văn hóa", slug="van-hoa")

    run(DONG_THAP, "--category", "van-hoa")
    assert Article.objects.get().category == culture

    with pytest.raises(CommandError, match=r"Không có chuyên mục “khong-co”.*van-hoa"):
        run(HOA_BINH, "--category", "khong-co")


@pytest.mark.django_db
def test_missing_path_stops_before_anything_is_imported(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy"):
        run(DONG_THAP, tmp_path / "khong-co.txt")
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_import_links_the_institutions_the_text_names():
    from django.core.management import call_command

    from tests.factories import InstitutionFactory

    named = InstitutionFactory(name="Trung tâm Văn hóa - Điện ảnh tỉnh Hòa Bình")
    other = InstitutionFactory(name="Thư viện tỉnh Đồng Tháp")
    call_command("import_news", str(SEEDS / "hoa-binh-2019-hoi-nghi-thiet-che.txt"))
    article = Article.objects.get()
    assert named in article.institutions.all()
    assert other not in article.institutions.all()
