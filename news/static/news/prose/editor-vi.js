// Vietnamese for the editor's own labels, and Word lists pasted as lists.
import { Extension, gettext, Plugin } from "django-prose-editor/editor"

const interpolate = window.interpolate || ((fmt, args) => fmt.replace("%s", args[0]))

// django-prose-editor 0.28 writes these labels in English without gettext (src/menu.js,
// table.js, link.js), so they are passed through gettext here, under the package's own
// English words as msgids: makemessages -d djangojs extracts them from this file.
const LABELS = {
  paragraph: gettext("paragraph"),
  Paragraph: gettext("Paragraph"),
  "unordered list": gettext("unordered list"),
  "ordered list": gettext("ordered list"),
  blockquote: gettext("blockquote"),
  "horizontal rule": gettext("horizontal rule"),
  bold: gettext("bold"),
  italic: gettext("italic"),
  underline: gettext("underline"),
  strike: gettext("strike"),
  subscript: gettext("subscript"),
  superscript: gettext("superscript"),
  "insert link": gettext("insert link"),
  "remove link": gettext("remove link"),
  undo: gettext("undo"),
  redo: gettext("redo"),
  "Insert table": gettext("Insert table"),
  "Add column": gettext("Add column"),
  "Delete column": gettext("Delete column"),
  "Add row": gettext("Add row"),
  "Delete row": gettext("Delete row"),
  "Merge cells": gettext("Merge cells"),
  "Split cell": gettext("Split cell"),
  "Toggle header cell": gettext("Toggle header cell"),
  "Delete table": gettext("Delete table"),
  "edit HTML": gettext("edit HTML"),
  figure: gettext("figure"),
  // Dialog <option>s that the package compares by their English text (table dialog).
  Yes: gettext("Yes"),
  No: gettext("No"),
}

// The package's own gettext() msgids for the extensions in use (src/table.js, link.js,
// orderedList.js, utils.js). Listed so that `makemessages -d djangojs` finds them in the
// project and keeps their translations (it marks msgids it cannot find obsolete: #~).
export const PACKAGE_MSGIDS = [
  gettext("Rows"), gettext("Columns"), gettext("Include header row"),
  gettext("Table Properties"), gettext("Insert Table"),
  gettext("URL"), gettext("Title"), gettext("Edit Link"),
  gettext("List properties"), gettext("Start at"), gettext("List type"), gettext("Bullets"),
  gettext("Decimal numbers"), gettext("Lowercase letters"), gettext("Uppercase letters"),
  gettext("Lowercase Roman numerals"), gettext("Uppercase Roman numerals"),
  gettext("Update"), gettext("Cancel"),
]

const translate = (text) => {
  const heading = /^heading (\d)$/i.exec(text || "")
  if (heading) return interpolate(gettext("Heading %s"), [heading[1]])
  return LABELS[text] ?? text
}

const relabel = (element) => {
  if (!element) return
  const label = element.getAttribute("title") || element.getAttribute("aria-label")
  if (label) {
    const vi = translate(label)
    element.setAttribute("title", vi)
    element.setAttribute("aria-label", vi)
  } else if (element.childElementCount === 0 && element.textContent) {
    element.textContent = translate(element.textContent) // dropdown options: <h2>, <p>
  }
}

export const MenuLabels = Extension.create({
  name: "menuLabels",
  // Lowest priority: Tiptap orders extensions by priority, and the menu calls
  // addMenuItems in that order, so every other extension's items are defined by now.
  priority: 1,

  addMenuItems({ menu }) {
    for (const item of menu.items("blockType nodes lists marks link table history utility textAlign")) {
      relabel(item.button)
      relabel(item.option)
    }
  },

  onCreate({ editor }) {
    const menubar = editor.storage.menu?.dom
    // The block-type dropdown shows an icon button named "question_mark" when the cursor
    // is in none of its types (e.g. a list); the menu re-creates it on every transaction.
    editor.on("transaction", () => {
      for (const button of menubar?.querySelectorAll('[aria-label="question_mark"]') || []) {
        button.setAttribute("aria-label", gettext("Kiểu đoạn khác"))
        button.setAttribute("title", gettext("Kiểu đoạn khác"))
      }
    })
    // Dialogs (table: "Include header row" Yes/No) are appended next to the editor.
    // The package reads <select>.value and compares it with "Yes": keep the English
    // value, show the translation.
    this.storage.observer = new MutationObserver(() => {
      for (const option of editor.view.dom.parentElement.querySelectorAll("dialog option:not([value])")) {
        option.value = option.textContent
        option.textContent = translate(option.textContent)
      }
    })
    this.storage.observer.observe(editor.view.dom.parentElement, { childList: true })
    // The menu greys out a button that cannot act here (undo with nothing to undo) by a
    // class only: say so to screen readers and checkers too, with aria-disabled.
    const markDisabled = () => {
      for (const button of menubar?.querySelectorAll(".prose-menubar__button") || []) {
        const disabled = button.classList.contains("disabled") && !button.classList.contains("active")
        if (disabled !== (button.getAttribute("aria-disabled") === "true")) {
          button.setAttribute("aria-disabled", disabled ? "true" : "false")
        }
      }
    }
    markDisabled()
    if (menubar) {
      this.storage.disabledObserver = new MutationObserver(markDisabled)
      this.storage.disabledObserver.observe(menubar, {
        subtree: true, childList: true, attributes: true, attributeFilter: ["class"],
      })
    }
  },

  onDestroy() {
    this.storage.observer?.disconnect()
    this.storage.disabledObserver?.disconnect()
  },

  addStorage() {
    return { observer: null, disabledObserver: null }
  },
})

// --- Word lists --------------------------------------------------------------------------
// Word (desktop) copies a list as <p class=MsoListParagraphCxSp…
// style="mso-list:l0 level1 lfo1"> paragraphs whose marker ("·", "o", "§", "1.", "a)") is
// text in <span style="mso-list:Ignore">; ProseMirror keeps it as a paragraph starting
// with "·". Rebuild <ul>/<ol><li> (nested by level) before the editor parses the paste.
const MSO_LIST = /mso-list:\s*l(\d+)\s+level(\d+)/i
const ORDERED_MARKER = /^\(?[0-9a-z]{1,5}[.)]$/i

export function wordListsToHtml(html) {
  if (!/mso-list/i.test(html)) return html
  const doc = new DOMParser().parseFromString(html, "text/html")
  const isListParagraph = (el) => el?.tagName === "P" && MSO_LIST.test(el.getAttribute("style") || "")

  for (const first of [...doc.body.querySelectorAll("p")].filter(isListParagraph)) {
    if (!first.isConnected || isListParagraph(first.previousElementSibling)) continue
    const group = [first]
    while (isListParagraph(group.at(-1).nextElementSibling)) group.push(group.at(-1).nextElementSibling)

    const stack = [] // [{ level, list }]
    let root = null
    for (const p of group) {
      const [, listId, level] = MSO_LIST.exec(p.getAttribute("style")).map(Number)
      const markerSpan = p.querySelector('span[style*="mso-list:ignore" i]')
      const marker = (markerSpan?.textContent || "").replace(/[\s\u00a0]+/g, "")
      // the marker, the Symbol-font span around it and Word's <!--[if !supportLists]--> comments
      let wrapper = markerSpan
      while (wrapper?.parentElement && wrapper.parentElement !== p && wrapper.parentElement.textContent.trim() === wrapper.textContent.trim()) {
        wrapper = wrapper.parentElement
      }
      wrapper?.remove()
      const walker = doc.createTreeWalker(p, NodeFilter.SHOW_COMMENT)
      const comments = []
      while (walker.nextNode()) comments.push(walker.currentNode)
      for (const c of comments) c.remove()

      const tag = ORDERED_MARKER.test(marker) ? "ol" : "ul"
      while (stack.length && (stack.at(-1).level > level || (stack.at(-1).level === level && stack.at(-1).listId !== listId && level === 1))) stack.pop()
      if (!stack.length || stack.at(-1).level < level) {
        const list = doc.createElement(tag)
        if (stack.length) stack.at(-1).list.lastElementChild.append(list)
        else if (root) root.after(list)
        else p.before(list)
        if (!stack.length) root = list
        stack.push({ level, listId, list })
      }
      const li = doc.createElement("li")
      const para = doc.createElement("p")
      para.append(...p.childNodes)
      li.append(para)
      stack.at(-1).list.append(li)
      p.remove()
    }
  }
  return doc.body.innerHTML
}

export const OfficePaste = Extension.create({
  name: "officePaste",
  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPastedHTML: (html) => wordListsToHtml(html) } })]
  },
})
