// A photo of the article placed in the body where the cursor is:
// <figure data-photo-id><img alt><figcaption>, a reference the public page resolves to the
// photo's renditions (news.richtext.body_items). Loaded by django-prose-editor's
// "configurable" preset (settings.DJANGO_PROSE_EDITOR_EXTENSIONS); it imports from the
// import map's "django-prose-editor/editor" to share the editor's one copy of Tiptap.
import { crel, Document, gettext, mergeAttributes, Node } from "django-prose-editor/editor"

// createTextareaEditor mounts the editor in a div that holds the textarea; options.element
// is usable while node views are first built (editor.view is not, yet).
const textareaOf = (editor) => editor.options.element?.querySelector("textarea")

const csrfToken = () =>
  document.querySelector("input[name=csrfmiddlewaretoken]")?.value ||
  document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)?.[1] ||
  ""

async function listPhotos(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } })
  if (!response.ok) throw new Error(response.statusText)
  return (await response.json()).photos
}

async function uploadPhoto(url, file, caption, alt) {
  const body = new FormData()
  body.append("image", file)
  body.append("caption", caption)
  body.append("alt_text", alt)
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    credentials: "same-origin",
  })
  const data = await response.json().catch(() => ({})) // 403/413 pages are not JSON
  if (!response.ok) {
    const messages = Object.values(data.errors || {}).flat().map((e) => e.message)
    throw new Error(messages.join(" ") || gettext("Không tải được ảnh lên."))
  }
  return data
}

// The article's photos, fetched once per editor (and again by each dialog).
function loadPhotos(editor, storage, refresh = false) {
  const url = textareaOf(editor)?.dataset.photosUrl
  if (!url) return Promise.resolve(storage.photos)
  if (!storage.loading || refresh) {
    storage.loading = listPhotos(url).then((list) => {
      for (const photo of list) storage.photos.set(String(photo.id), photo)
      return storage.photos
    })
  }
  return storage.loading
}

const field = (label, input) =>
  crel("div", { className: "prose-editor-dialog-field" }, [
    crel("label", { htmlFor: input.id, textContent: label }),
    input,
  ])

// One dialog for "upload or choose" + caption + alt, styled by the package's dialog CSS.
function photoDialog(editor, storage, url, attrs) {
  return new Promise((resolve) => {
    const editing = !!attrs.photoId
    // The browser words its own file button ("Choose File") in its UI language: a label
    // in ours opens the (visually hidden, still focusable) input instead.
    const file = crel("input", { type: "file", id: "ap-file", name: "image", accept: "image/jpeg,image/png,image/webp", className: "article-photo-file" })
    const fileName = crel("span", { textContent: gettext("Chưa chọn tệp") })
    file.addEventListener("change", () => {
      fileName.textContent = file.files[0]?.name || gettext("Chưa chọn tệp")
    })
    const caption = crel("input", { type: "text", id: "ap-caption", name: "caption", value: attrs.caption || "" })
    const alt = crel("input", { type: "text", id: "ap-alt", name: "alt", value: attrs.alt || "" })
    const choices = crel("div", { className: "article-photo-choices", role: "radiogroup" })
    const error = crel("p", { role: "alert" })
    const submit = crel("button", { type: "submit", textContent: editing ? gettext("Cập nhật") : gettext("Chèn ảnh") })
    const cancel = crel("button", { type: "button", textContent: gettext("Huỷ") })
    const parts = [crel("h3", { className: "prose-editor-dialog-title", textContent: editing ? gettext("Sửa ảnh") : gettext("Chèn ảnh") })]
    if (!editing) {
      parts.push(
        crel("div", { className: "prose-editor-dialog-field" }, [
          file,
          crel("label", { htmlFor: file.id, className: "button", textContent: gettext("Tải ảnh mới lên…") }),
          fileName,
        ]),
        crel("fieldset", { className: "prose-editor-dialog-field" }, [
          crel("legend", { textContent: gettext("hoặc chọn ảnh đã có của tin bài") }),
          choices,
        ]),
      )
    }
    parts.push(
      field(gettext("Chú thích"), caption),
      field(gettext("Mô tả ảnh (alt)"), alt),
      error,
      crel("div", { className: "prose-editor-dialog-buttons" }, [submit, cancel]),
    )
    const form = crel("form", { method: "dialog" }, parts)
    const dialog = crel("dialog", { className: "prose-editor-dialog article-photo-dialog" }, [form])
    editor.view.dom.parentElement.append(dialog)

    if (!editing && url) {
      const choosing = choices.parentElement
      choosing.style.display = "none" // until the article has photos to choose from
      loadPhotos(editor, storage, true).then((photos) => {
        if (photos.size) choosing.style.display = ""
        for (const photo of photos.values()) {
          const radio = crel("input", { type: "radio", name: "existing", value: String(photo.id), id: `ap-existing-${photo.id}` })
          radio.addEventListener("change", () => {
            file.value = ""
            fileName.textContent = gettext("Chưa chọn tệp")
            caption.value ||= photo.caption
            alt.value ||= photo.alt
          })
          choices.append(
            crel("label", { htmlFor: radio.id, className: "article-photo-choice" }, [
              radio,
              crel("img", { src: photo.src, alt: "", width: 96 }),
              crel("span", { textContent: photo.caption || `#${photo.id}` }),
            ]),
          )
        }
      })
    }

    const close = (value) => {
      dialog.close()
      dialog.remove()
      resolve(value)
    }
    cancel.addEventListener("click", () => close(null))
    dialog.addEventListener("cancel", () => close(null))
    form.addEventListener("submit", async (e) => {
      e.preventDefault()
      error.className = ""
      error.textContent = ""
      const texts = { caption: caption.value.trim(), alt: alt.value.trim() }
      try {
        if (editing) return close({ ...attrs, ...texts })
        const chosen = form.querySelector("input[name=existing]:checked")?.value
        if (file.files.length) {
          submit.disabled = true
          const photo = await uploadPhoto(url, file.files[0], texts.caption, texts.alt)
          storage.photos.set(String(photo.id), photo)
          return close({ photoId: String(photo.id), ...texts })
        }
        if (chosen) return close({ photoId: chosen, ...texts })
        throw new Error(gettext("Hãy tải ảnh lên hoặc chọn một ảnh."))
      } catch (err) {
        submit.disabled = false
        error.className = "errornote"
        error.textContent = err.message
      }
    })
    dialog.showModal()
  })
}

// Photos only between top-level blocks (not in lists, quotes or table cells): the public
// page renders the body's top-level blocks and resolves photos there. Replaces "Document"
// (settings: "Document": False, "ArticleDocument": True).
export const ArticleDocument = Document.extend({ content: "(block | articlePhoto)+" })

export const ArticlePhoto = Node.create({
  name: "articlePhoto",
  // no group: only ArticleDocument's content expression admits it
  atom: true, // one unit: selected, cut, pasted and dragged whole
  draggable: true,
  selectable: true,

  addStorage() {
    // id -> {id, src, caption, alt}: the body stores no image address (the page takes the
    // photo's renditions by id), so the editor looks the picture up here.
    return { photos: new Map(), loading: null }
  },

  addAttributes() {
    return {
      photoId: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-photo-id"),
        renderHTML: (attrs) => ({ "data-photo-id": attrs.photoId }),
      },
      // Written by renderHTML below, on <img> and <figcaption>.
      alt: {
        default: "",
        parseHTML: (el) => el.querySelector("img")?.getAttribute("alt") || "",
        renderHTML: () => ({}),
      },
      caption: {
        default: "",
        parseHTML: (el) => el.querySelector("figcaption")?.textContent.trim() || "",
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-photo-id]" }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const { alt, caption } = node.attrs
    const figure = ["figure", mergeAttributes(HTMLAttributes), ["img", { alt }]]
    if (caption) figure.push(["figcaption", {}, caption])
    return figure
  },

  addNodeView() {
    const storage = this.storage
    return ({ node, editor, getPos }) => {
      const img = crel("img", { alt: node.attrs.alt })
      const figcaption = crel("figcaption", { className: "figure-caption" })
      const dom = crel("figure", { className: "figure article-photo" }, [img, figcaption])
      // A photo deleted from the article since (or named by a restored old version) is
      // not on the page: say so here rather than show a broken image.
      const missing = crel("p", { className: "article-photo-missing", textContent: gettext("Ảnh này không còn trong tin bài và sẽ không hiện trên trang.") })
      missing.hidden = true
      dom.append(missing)
      const picture = (photo) => {
        missing.hidden = !!photo
        dom.classList.toggle("is-missing", !photo)
        if (photo) img.src = photo.src
        else img.removeAttribute("src")
      }
      const show = (attrs) => {
        dom.dataset.photoId = attrs.photoId
        img.alt = attrs.alt
        figcaption.textContent = attrs.caption
        figcaption.hidden = !attrs.caption
        const known = storage.photos.get(attrs.photoId)
        if (known) picture(known)
        else loadPhotos(editor, storage).then(() => picture(storage.photos.get(attrs.photoId)))
      }
      show(node.attrs)
      dom.addEventListener("dblclick", () => {
        editor.chain().setNodeSelection(getPos()).editArticlePhoto().run()
      })
      return {
        dom,
        update(updated) {
          if (updated.type.name !== "articlePhoto") return false
          show(updated.attrs)
          return true
        },
      }
    }
  },

  addCommands() {
    return {
      editArticlePhoto:
        () =>
        ({ editor, state, dispatch }) => {
          if (!dispatch) return true
          const selected = state.selection.node
          const current = selected?.type.name === this.name ? selected.attrs : {}
          const url = textareaOf(editor)?.dataset.photosUrl
          photoDialog(editor, this.storage, url, current).then((attrs) => {
            if (!attrs) return editor.commands.focus()
            if (current.photoId) {
              editor.chain().focus().updateAttributes(this.name, attrs).run()
            } else {
              // In a list, quote or table the photo goes after that top-level block.
              const { $from } = editor.state.selection
              const at = $from.depth > 1 ? $from.after(1) : editor.state.selection.from
              editor.chain().focus().insertContentAt(at, { type: this.name, attrs }).run()
            }
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "articlePhoto",
      groups: "nodes",
      button: buttons.material("add_photo_alternate", gettext("Chèn ảnh")),
      command: (editor) => editor.commands.editArticlePhoto(),
      active: (editor) => editor.isActive("articlePhoto"),
      enabled: (editor) => !!textareaOf(editor)?.dataset.photosUrl,
    })
  },
})
