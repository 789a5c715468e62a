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
