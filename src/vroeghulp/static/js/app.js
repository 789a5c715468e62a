// Small enhancements on top of server-rendered pages; everything works without them.

// A progress bar for uploads sent with htmx (form[data-progress] holds a <progress>).
document.addEventListener("htmx:xhr:progress", (event) => {
  const form = event.target.closest("form[data-progress]");
  if (!form || !event.detail.lengthComputable) return;
  const percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  const bar = form.querySelector("progress");
  const label = form.querySelector("[data-progress-text]");
  bar.hidden = false;
  bar.value = percent;
  label.textContent = `${percent}%`;
});

// A form that came back with errors: its error summary gets the focus (the summary also carries
// `autofocus`; this covers a browser that skipped it and content swapped in by htmx).
function focusErrorSummary(root) {
  const summary = root.querySelector("[data-error-summary]");
  if (summary && !summary.contains(document.activeElement)) summary.focus();
}
document.addEventListener("DOMContentLoaded", () => {
  if (document.activeElement === document.body || document.activeElement === null) {
    focusErrorSummary(document);
  }
});
document.addEventListener("htmx:afterSwap", (event) => focusErrorSummary(event.detail.target));
