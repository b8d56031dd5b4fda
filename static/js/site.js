// Progressive enhancement only: every page works without this file.
document.documentElement.classList.replace("no-js", "js");
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  const toggle = document.querySelector(".nav-toggle");
  const nav = document.getElementById("site-nav");
  if (!toggle || !nav) return;
  toggle.addEventListener("click", () => {
    const open = nav.classList.toggle("is-open");
    toggle.setAttribute("aria-expanded", String(open));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      nav.classList.remove("is-open");
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
});
// File fields of the public forms (includes/file_picker.html): the chosen file's name in our
// words (the browser's own follow its interface language).
document.addEventListener("change", (event) => {
  const input = event.target;
  const name = input.matches && input.matches(".file-picker input[type=file]") && input.parentElement.querySelector(".file-picker__name");
  if (name) name.textContent = [...input.files].map((file) => file.name).join(", ") || name.dataset.empty;
});
