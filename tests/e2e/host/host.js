// The host page's own script: remembers its globals before the loader runs, and sizes the
// iframe from the explorer's height messages (as the README's iframe snippet does).
window.hostGlobalsBefore = Object.getOwnPropertyNames(window);
addEventListener("message", (event) => {
  if (event.data && event.data.type === "iom-explorer:height") {
    const frame = document.getElementById("frame");
    if (frame && frame.contentWindow === event.source) {
      frame.height = Math.ceil(event.data.height);
      frame.dataset.reportedHeight = String(event.data.height);
    }
  }
});
