// The views the build draws into index.html, in both languages, with the address of each (the
// app's URL contract, README "URL state"). prerender.mjs draws them; the page's early script
// (embed-hook.mjs) shows one when the URL asks for exactly that view; style/page.css has one
// rule per view and language (first-screen.spec.mjs checks that the page shows each).
export const COPIED_VIEWS = [
  { view: "overview", query: "" },
  { view: "timeline", query: "view=timeline&" },
  { view: "themes", query: "view=themes&" },
  { view: "map", query: "view=map&" },
];
export const COPY_LANGS = ["en", "lo"];
