// The page's first `Intl` call makes the browser load its locale data: 35 ms on a desktop, 100
// to 200 ms with the CPU slowed 4x. Made in a task of its own while the explorer's files
// download and compile (off the main thread), it fills that wait instead of lengthening the
// explorer's start-up (src/app/intl.rs). In the page's head it delayed the first paint.
// scripts/embed-hook.mjs puts this text into index.html's start-up script and into embed.js.
let intlWarmed = false;
function warmIntl() {
  if (intlWarmed) return;
  intlWarmed = true;
  setTimeout(() => {
    try {
      Intl.DateTimeFormat.supportedLocalesOf("lo");
    } catch {}
  });
}
