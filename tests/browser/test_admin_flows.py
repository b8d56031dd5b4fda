"""Staff in the admin, in a real browser: the body editor, photos, review and scheduling."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
FILES = Path(__file__).parent / "files"
TITLE = "Khai mạc Hội thi tuyên truyền lưu động năm 2026"


def test_editor_writes_an_article_with_two_photos_and_submits_it(desktop, editor):
    CategoryFactory(name="Văn hóa", slug="van-hoa")
    desktop.login("editor")
    desktop.open("/admin/news/article/add/")
    assert desktop.axe_violations() == []
    desktop.fill("#id_title", TITLE)
    desktop.fill("#id_lead", "Mười đội thông tin lưu động tham gia hội thi.")
    desktop.click(".ProseMirror[contenteditable=true]")
    desktop.keyboard.type("Đoạn mở đầu của tin bài.")
    desktop.keyboard.press("Enter")
    desktop.keyboard.press("Control+b")
    desktop.keyboard.type("Đoạn hai in đậm.")
    desktop.keyboard.press("Control+b")
    desktop.select_option("#id_category", label="Văn hóa")
    desktop.fill("#id_byline", "Thanh Nhàn")
    photos = [("doan-bieu-dien.jpg", "Đội thông tin biểu diễn"), ("ban-giam-khao.jpg", "Giám khảo")]
    for index, (name, caption) in enumerate(photos):
        desktop.click(".inline-group .add-row a")
        desktop.set_input_files(f"#id_photos-{index}-image", str(FILES / name))
        desktop.fill(f"#id_photos-{index}-caption", caption)
    desktop.check("#id_photos-0-is_cover")
    desktop.select_option("#id_status", "review")
    desktop.click("input[name=_save]")
    desktop.wait_for_url("**/admin/news/article/")
    assert "được thêm vào thành công" in desktop.locator(".messagelist").inner_text()

    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.REVIEW
    assert "<strong>Đoạn hai in đậm.</strong>" in article.body
    assert [p.caption for p in article.photos.all()] == [c for _, c in photos]
    assert article.created_by == editor


def test_pasting_from_word_keeps_the_text_and_drops_the_junk(desktop, editor):
    desktop.login("editor")
    desktop.open("/admin/news/article/add/")
    desktop.fill("#id_title", "Tin dán từ Word")
    word_html = (
        '<p class="MsoNormal" style="margin:0cm;font-family:Calibri"><span lang="VI" '
        'style="font-size:14pt;color:red">Nội dung <b>dán</b> từ Word</span>'
        "<o:p></o:p></p><script>alert(1)</script>"
    )
    desktop.click(".ProseMirror[contenteditable=true]")
    desktop.evaluate(
        """html => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'Nội dung dán từ Word');
            const target = document.querySelector('.ProseMirror[contenteditable=true]');
            target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
        }""",
        word_html,
    )
    desktop.click("input[name=_save]")
    desktop.wait_for_url("**/admin/news/article/")
    body = Article.objects.get(title="Tin dán từ Word").body
    assert "<strong>dán</strong>" in body
    for junk in ("MsoNormal", "style=", "<span", "o:p", "<script", "Calibri"):
        assert junk not in body


def test_publisher_previews_and_schedules_an_article(desktop, publisher):
    from tests.factories import ArticleFactory

    article = ArticleFactory(title=TITLE, status=Article.Status.REVIEW, published_at=None)
    desktop.login("publisher")
    desktop.open("/admin/news/article/?publication=pending")
    desktop.click(f"text={TITLE}")
    desktop.click("a.viewsitelink")
    desktop.wait_for_url(f"**{article.get_absolute_url()}")
    assert "chưa được đăng công khai" in desktop.locator(".banner").inner_text()
    assert desktop.locator("h1").inner_text() == TITLE
    desktop.go_back()

    when = timezone.localtime(timezone.now() + timedelta(minutes=2))
    desktop.select_option("#id_status", "published")
    desktop.fill("#id_published_at_0", when.strftime("%d/%m/%Y"))
    desktop.fill("#id_published_at_1", when.strftime("%H:%M:%S"))
    desktop.click("input[name=_save]")
    desktop.wait_for_load_state()
    article.refresh_from_db()
    assert article.is_scheduled
    desktop.open("/admin/news/article/?publication=scheduled")
    assert TITLE in desktop.locator("#result_list").inner_text()
    assert desktop.axe_violations() == []


def test_photo_fields_fit_a_phone_screen(phone, editor):
    """On a phone every help text and message of a photo stays inside its frame (Django
    sized the rows to the screen, wider than an inline's frame, which clipped their ends)."""
    phone.login("editor")
    phone.open("/admin/news/article/add/")
    phone.click(".inline-group .add-row a")
    overflow = phone.evaluate(
        """() => [...document.querySelectorAll('#photos-0 .form-row .help')].map(help => {
            const row = help.closest('.form-row').getBoundingClientRect();
            return Math.round(help.getBoundingClientRect().right - row.right);
        })"""
    )
    assert overflow and max(overflow) <= 0, overflow
