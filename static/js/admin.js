// Admin: give the body editor's editable area the accessible name of its field label.
(function () {
  function nameEditors() {
    document.querySelectorAll(".ProseMirror[contenteditable=true]:not([aria-label])").forEach((area) => {
      const row = area.closest(".form-row, .fieldBox, div");
      const textarea = row && row.parentElement && row.parentElement.querySelector("textarea[id]");
      const label = textarea && document.querySelector(`label[for="${textarea.id}"]`);
      area.setAttribute("aria-label", label ? label.textContent.replace(/:\s*$/, "").trim() : "Nội dung");
      area.setAttribute("aria-multiline", "true");
    });
  }
  // Autocomplete boxes (select2): their search field gets the name of the field it serves.
  function nameSearchFields() {
    document.querySelectorAll(".select2-search__field:not([aria-label]), .select2-selection[role=combobox]:not([aria-label]), .select2-selection__rendered[role=textbox]:not([aria-label])").forEach((input) => {
      const container = input.closest(".select2-container");
      const select = container && container.previousElementSibling;
      const label = select && select.id && document.querySelector(`label[for="${select.id}"]`);
      input.setAttribute("aria-label", label ? label.textContent.replace(/:\s*$/, "").trim() : "Tìm");
    });
  }
  // File fields (includes/file_picker.html): show the chosen file's name in our words.
  document.addEventListener("change", (event) => {
    const input = event.target;
    const name = input.matches && input.matches(".file-picker input[type=file]") && input.parentElement.querySelector(".file-picker__name");
    if (name) name.textContent = [...input.files].map((file) => file.name).join(", ") || name.dataset.empty;
  });
  new MutationObserver(nameSearchFields).observe(document.documentElement, {childList: true, subtree: true});
  new MutationObserver(nameEditors).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", nameEditors);
})();
