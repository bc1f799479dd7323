// The views the build draws into index.html, in both languages, with the address of each (the
// app's URL contract, README "URL state"). prerender.mjs draws them; the page's early script
// (embed-hook.mjs) shows one when the URL asks for exactly that view; style/page.css has one
// rule per view and language (first-screen.spec.mjs checks that the page shows each).
// `drawn` is the mark the view's drawing makes once it is complete (src/app/perf.rs), `last`
// what else prerender.mjs waits for before copying it (the map, for its boundaries).
export const COPIED_VIEWS = [
  { view: "overview", query: "", drawn: "iom-view-ready" },
  { view: "timeline", query: "view=timeline&", drawn: "iom-timeline-ready" },
  { view: "themes", query: "view=themes&", drawn: "iom-view-ready" },
  { view: "map", query: "view=map&", drawn: "iom-view-ready", last: "svg.iom-map-svg" },
];
export const COPY_LANGS = ["en", "lo"];
