"""The body editor in a browser: a photo of the article inserted where the cursor is (upload
or choose, caption and description asked at once), shown as on the page, moved by drag or
by cut and paste; lists from Word and Google Docs pasted as lists. The page's CSP is
enforced: a refused script would be a console error, and fail."""

import re
from pathlib import Path

import pytest

from news.models import Article, ArticlePhoto
from news.richtext import photo_ids
from tests.factories import ArticleFactory, ArticlePhotoFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FILES = Path(__file__).parent / "files"
EDITOR = ".ProseMirror[contenteditable=true]"


def html_of(tab) -> str:
    return tab.eval_on_selector("textarea[name=body]", "t => t.value")


def caret_after(tab, text):
    """Click into the block holding `text` and go to its end, as a person would."""
    tab.locator(f"{EDITOR} p", has_text=text).first.click()
    tab.keyboard.press("End")
    tab.wait_for_timeout(150)  # ProseMirror reads the selection once the click settles


def paste(tab, file_name):
    tab.locator(EDITOR).evaluate(
        """(target, html) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'x');
            target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
        }""",
        (FILES / file_name).read_text(encoding="utf-8"),
    )


def open_photo_dialog(tab):
    tab.click("button[data-name=articlePhoto]")
    tab.wait_for_selector("dialog.article-photo-dialog[open]")


@pytest.fixture
def draft():
    article = ArticleFactory(
        title="Lễ hội đình làng",
        status=Article.Status.DRAFT,
        published_at=None,
        body=(
            "<p>Đoạn một.</p><p>Chương trình gồm:</p>"
            "<ul><li><p>Lễ rước kiệu</p></li><li><p>Hội thi gói bánh</p></li></ul>"
            "<p>Đoạn hai.</p>"
        ),
    )
    ArticlePhotoFactory(article=article, caption="Cổng đình", alt_text="Cổng đình làng")
    return article


def test_a_photo_goes_where_the_cursor_is_and_moves_with_the_text(desktop, editor, draft):
    desktop.set_viewport_size({"width": 1280, "height": 1400})
    desktop.login("editor")
    desktop.open(f"/admin/news/article/{draft.pk}/change/")
    desktop.wait_for_selector("button[data-name=articlePhoto]")

    # Upload a new photo after "Đoạn một.", with caption and description asked at once.
    caret_after(desktop, "Đoạn một.")
    open_photo_dialog(desktop)
    desktop.screenshot_as("editor-photo-dialog")
    desktop.set_input_files(
        "dialog.article-photo-dialog input[type=file]", str(FILES / "doan-bieu-dien.jpg")
    )
    desktop.fill("dialog.article-photo-dialog input[name=caption]", "Đội văn nghệ biểu diễn")
    desktop.fill("dialog.article-photo-dialog input[name=alt]", "Sân khấu ngoài trời, đêm hội")
    desktop.click("dialog.article-photo-dialog button[type=submit]")
    desktop.wait_for_selector(f"{EDITOR} figure.article-photo img[src]")
    uploaded = ArticlePhoto.objects.get(caption="Đội văn nghệ biểu diễn")
    assert uploaded.article == draft and uploaded.uploaded_by == editor
    body = html_of(desktop)
    assert body.startswith(
        f'<p>Đoạn một.</p><figure data-photo-id="{uploaded.pk}">'
        '<img alt="Sân khấu ngoài trời, đêm hội"><figcaption>Đội văn nghệ biểu diễn</figcaption>'
    ), body

    # Nothing chosen: said in Vietnamese, in the dialog.
    caret_after(desktop, "Đoạn hai.")
    open_photo_dialog(desktop)
    desktop.click("dialog.article-photo-dialog button[type=submit]")
    assert "Hãy tải ảnh lên hoặc chọn một ảnh." in desktop.inner_text(
        "dialog.article-photo-dialog [role=alert]"
    )
    # Choose the photo the article already has, inside a list: it goes after the list.
    desktop.click("dialog.article-photo-dialog button[type=button]")
    caret_after(desktop, "Lễ rước kiệu")
    open_photo_dialog(desktop)
    existing = ArticlePhoto.objects.get(caption="Cổng đình")
    desktop.check(f"#ap-existing-{existing.pk}")
    desktop.click("dialog.article-photo-dialog button[type=submit]")
    desktop.wait_for_function("() => document.querySelectorAll('.ProseMirror figure').length == 2")
    assert re.search(
        rf'</ul><figure data-photo-id="{existing.pk}">.*<p>Đoạn hai.</p>$', html_of(desktop)
    )
    desktop.screenshot_as("editor-two-photos")

    # Keyboard: the arrow from the end of the list's last item selects the photo; cut it and
    # paste it at the end of "Đoạn hai.".
    desktop.context.grant_permissions(["clipboard-read", "clipboard-write"])
    caret_after(desktop, "Hội thi gói bánh")
    desktop.keyboard.press("ArrowRight")
    desktop.keyboard.press("Control+x")
    caret_after(desktop, "Đoạn hai.")
    desktop.keyboard.press("Control+v")
    assert html_of(desktop).endswith(
        f'<p>Đoạn hai.</p><figure data-photo-id="{existing.pk}"><img alt="Cổng đình làng">'
        "<figcaption>Cổng đình</figcaption></figure>"
    )

    # Mouse: drag the first photo below the last paragraph.
    source = desktop.locator(f"{EDITOR} figure").first.bounding_box()
    target = desktop.locator(f"{EDITOR} p", has_text="Đoạn hai.").bounding_box()
    x, y0 = source["x"] + source["width"] / 2, source["y"] + source["height"] / 2
    y1 = target["y"] + target["height"] - 2
    desktop.mouse.move(x, y0)
    desktop.mouse.down()
    for step in range(1, 11):  # Chromium starts a drag only after real moves
        desktop.mouse.move(x, y0 + (y1 - y0) * step / 10)
    desktop.mouse.up()
    assert photo_ids(html_of(desktop)) == [existing.pk, uploaded.pk] or photo_ids(
        html_of(desktop)
    ) == [uploaded.pk, existing.pk]
    assert html_of(desktop).startswith("<p>Đoạn một.</p><p>Chương trình gồm:</p>")

    desktop.click("input[name=_continue]")
    desktop.wait_for_selector(".messagelist")
    draft.refresh_from_db()
    assert sorted(photo_ids(draft.body)) == sorted([existing.pk, uploaded.pk])
    desktop.wait_for_selector(f"{EDITOR} figure img[src]")  # reloaded: pictures by id
    desktop.screenshot_as("editor-after-save")

    # The preview draws each photo with its renditions, where the body places it.
    desktop.open(draft.get_absolute_url())
    body = desktop.locator(".article__body")
    assert body.locator("picture").count() == 2
    assert body.locator("figcaption", has_text="Đội văn nghệ biểu diễn").count() == 1
    assert "w, " in body.locator("img").first.get_attribute("srcset")


def test_lists_from_word_and_google_docs_paste_as_lists(desktop, editor, draft):
    desktop.login("editor")
    desktop.open(f"/admin/news/article/{draft.pk}/change/")
    desktop.wait_for_selector("button[data-name=articlePhoto]")

    caret_after(desktop, "Đoạn hai.")
    desktop.keyboard.press("Enter")
    paste(desktop, "word-list.html")
    word = html_of(desktop)
    caret_after(desktop, "Đoạn hai.")
    desktop.keyboard.press("Enter")
    paste(desktop, "gdocs-list.html")
    both = html_of(desktop)

    assert "·" not in word and "mso-" not in word
    assert "<ul><li><p>Lễ rước kiệu</p><ul><li><p>Từ <strong>đình làng</strong> ra đền" in word
    assert '<ol data-type="decimal"><li><p>Đăng ký</p></li><li><p>Dự thi</p></li></ol>' in word
    assert both.count("<ul><li><p>Lễ rước kiệu</p><ul>") == 2
    desktop.click("input[name=_continue]")
    desktop.wait_for_selector(".messagelist")
    draft.refresh_from_db()
    assert draft.body.count("<ul><li><p>Lễ rước kiệu</p><ul>") == 2


def test_a_photo_uploaded_in_a_new_article_stays_with_it(desktop, editor):
    desktop.login("editor")
    desktop.open("/admin/news/article/add/")
    desktop.fill("#id_title", "Tin mới có ảnh")
    desktop.click(EDITOR)
    desktop.keyboard.type("Mở đầu của tin.")
    open_photo_dialog(desktop)
    desktop.set_input_files(
        "dialog.article-photo-dialog input[type=file]", str(FILES / "word-list.html")
    )
    desktop.click("dialog.article-photo-dialog button[type=submit]")
    desktop.wait_for_selector("dialog.article-photo-dialog [role=alert].errornote")
    assert "không phải là ảnh hợp lệ" in desktop.inner_text(
        "dialog.article-photo-dialog [role=alert]"
    )
    desktop.errors.clear()  # the refused upload's 400 is expected
    desktop.set_input_files(
        "dialog.article-photo-dialog input[type=file]", str(FILES / "ban-giam-khao.jpg")
    )
    desktop.fill("dialog.article-photo-dialog input[name=caption]", "Ban giám khảo")
    desktop.click("dialog.article-photo-dialog button[type=submit]")
    desktop.wait_for_selector(f"{EDITOR} figure img[src]")
    desktop.click("input[name=_save]")
    desktop.wait_for_url("**/admin/news/article/")

    article = Article.objects.get(title="Tin mới có ảnh")
    assert [p.caption for p in article.photos.all()] == ["Ban giám khảo"]
    assert photo_ids(article.body) == [article.photos.get().pk]
