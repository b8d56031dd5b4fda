"""No English in what the admin's scripts build, for each role: the body editor's menus,
tooltips and dialogs, the calendar and clock, the two-list chooser, file fields. (The pages
as the server sends them: tests/culture_portal/test_admin_in_vietnamese.py.)"""

import re

import pytest

from tests.culture_portal.test_admin_in_vietnamese import ENGLISH
from tests.factories import staff_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# What a person reads or a screen reader says: visible text (the icons' ligature names are
# drawn as icons, and named by their aria-label), labels, titles, image descriptions.
READ = """() => {
    const words = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, parent = node.parentElement;
        if (!parent || parent.closest('.material-icons, script, style, template')) continue;
        // The article's own text, and what fields hold, are content.
        if (parent.closest('[contenteditable=true], textarea')) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        words.push(node.textContent);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [alt], [placeholder]')) {
        for (const name of ['title', 'aria-label', 'alt', 'placeholder']) {
            if (el.getAttribute(name)) words.push(el.getAttribute(name));
        }
    }
    for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) {
        words.push(el.value);
    }
    return words.join(' ');
}"""


def english_in(tab, where: str) -> dict[str, list[str]]:
    words = re.findall(r"[^\W\d_]+", tab.evaluate(READ))
    found = sorted({w for w in words if w.isascii() and w.lower() in ENGLISH})
    return {where: found} if found else {}


def native_file_inputs(tab) -> int:
    """File inputs a person sees: their button would read "Choose File" (the browser's)."""
    return tab.evaluate(
        """() => [...document.querySelectorAll('input[type=file]')].filter(input => {
            const box = input.getBoundingClientRect();
            return box.width > 2 && box.height > 2 && getComputedStyle(input).opacity !== '0';
        }).length"""
    )


def test_the_editor_menus_and_dialogs_speak_vietnamese(desktop):
    world = staff_world()
    desktop.login("bientap")
    desktop.open(f"/admin/news/article/{world['draft'].pk}/change/")
    desktop.wait_for_selector("button[data-name=articlePhoto]")
    found = english_in(desktop, "article form")

    desktop.click(".prose-menubar__selected")  # the block-type menu
    found |= english_in(desktop, "block-type menu")
    desktop.keyboard.press("Escape")
    desktop.locator(".ProseMirror[contenteditable=true] p").first.click()
    desktop.click("button[data-name=table]")
    desktop.wait_for_selector(".prose-editor-dialog[open]")
    found |= english_in(desktop, "table dialog")
    options = desktop.eval_on_selector_all(
        ".prose-editor-dialog[open] option", "os => os.map(o => o.textContent)"
    )
    desktop.keyboard.press("Escape")
    desktop.click("button[data-name=articlePhoto]")
    desktop.wait_for_selector("dialog.article-photo-dialog[open]")
    found |= english_in(desktop, "photo dialog")
    files = native_file_inputs(desktop)
    desktop.keyboard.press("Escape")
    desktop.locator(".ProseMirror[contenteditable=true] p").first.dblclick()
    desktop.click("button[data-name=link]")
    desktop.wait_for_selector(".prose-editor-dialog[open]")
    found |= english_in(desktop, "link dialog")
    desktop.keyboard.press("Escape")
    desktop.click(".inline-group .add-row a")  # a new photo row: its file field
    files += native_file_inputs(desktop)

    assert found == {}
    assert options == ["Có", "Không"] or options == ["Không", "Có"]
    assert files == 0


def test_the_calendar_clock_and_two_list_chooser_speak_vietnamese(desktop):
    world = staff_world()
    desktop.login("duyettin")
    desktop.open(f"/admin/news/article/{world['waiting'].pk}/change/")
    desktop.click(".datetimeshortcuts a:has(.date-icon)")
    found = english_in(desktop, "calendar")
    desktop.keyboard.press("Escape")
    desktop.click(".datetimeshortcuts a:has(.clock-icon)")
    found |= english_in(desktop, "clock")

    desktop.login("lanhdao")
    desktop.open(f"/admin/institutions/institution/{world['institution'].pk}/change/")
    found |= english_in(desktop, "institution form, two-list chooser")
    files = native_file_inputs(desktop)

    desktop.login("quantri")
    desktop.open("/admin/auth/group/add/")
    desktop.fill("#id_permissions_input", "tin")
    found |= english_in(desktop, "group form, permissions chooser")

    assert found == {}
    assert files == 0
