// The Overview, the default first view, the Timeline, the view most links lead to, the
// thematic areas, the strategy's substance, and the province map, written into index.html at build time in both languages (README, "Performance"): a visitor reads the
// strategy before the Wasm has arrived, and so can a search engine or a browser without
// JavaScript (the English Overview). The release build runs this after Trunk (scripts/build.sh).
// Usage: node scripts/prerender.mjs [DIST]
//
// The page's early script (scripts/embed-hook.mjs, `firstScreen`) shows the copy of the view
// and language the explorer will draw, and none when the URL asks for another view, filters or
// an item. The app replaces the copy with the same markup, live, from the same snapshot
// (src/app/views/first_screen.rs), so nothing moves. Until then the copy's buttons are
// disabled, its disclosure panels inert and nothing in it takes focus: nothing looks
// interactive before it is. Its links are ordinary links and work at once. The Timeline's
// drawing depends on the visitor's width, so its copy keeps only the drawing's frame, as tall
// as the drawing (its rows do not depend on the width), empty until the app draws in it; the
// map's frame likewise, at the map's proportions.
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright";
import { staticHandler } from "./serve.mjs";
import { COPIED_VIEWS as VIEWS, COPY_LANGS as LANGS } from "./copied-views.mjs";

const dist = resolve(process.argv[2] ?? "dist");
/** Where the copies go in index.html: after the `noscript` notice, which comes first without scripts. */
const AFTER = "</noscript>";

const server = createServer(staticHandler(dist));
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
try {
  const copies = [];
  for (const { view, query, drawn, last } of VIEWS) {
    if (!drawn) throw new Error(`prerender: copied-views.mjs names no \`drawn\` mark for the ${view}`);
    for (const lang of LANGS) copies.push(await render(view, query, lang, drawn, last));
  }
  const page = join(dist, "index.html");
  const html = readFileSync(page, "utf8");
  if (html.includes("iom-prerendered")) throw new Error("prerender: index.html already has prerendered views");
  if (html.split(AFTER).length !== 2) throw new Error(`prerender: expected one ${AFTER} in index.html`);
  writeFileSync(page, html.replace(AFTER, () => AFTER + copies.join("")));
  const each = VIEWS.flatMap(({ view }) => LANGS.map((lang) => `${view} ${lang}`));
  console.log(`prerender: written into index.html: ${copies.map((c, i) => `${each[i]} ${(c.length / 1024).toFixed(1)} KB`).join(", ")}`);
} finally {
  await browser.close();
  server.close();
}

/** The drawn `view` in `lang` (complete at the performance mark `drawn` and, if named, once
 * `last` is in the page), as markup that cannot clash with the app's own and cannot act. */
async function render(view, query, lang, drawn, last) {
  // A fresh context each time: no stored language choice, no service worker.
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    await page.goto(`${origin}/?${query}lang=${lang}`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, drawn, { timeout: 60_000 }).catch(() => {
      throw new Error(`prerender: the ${view} in ${lang} made no "${drawn}" mark in 60 s (copied-views.mjs against src/app/perf.rs)${problems.length ? `; it logged: ${problems.join("; ")}` : ""}`);
    });
    if (last) await page.locator(last).first().waitFor({ timeout: 60_000 }).catch(() => {
      throw new Error(`prerender: the ${view} in ${lang} has no ${last} after 60 s (copied-views.mjs)`);
    });
    // The footer's date is written once the view has been painted.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
    if (problems.length) throw new Error(`prerender: the ${view} in ${lang} logged errors: ${problems.join("; ")}`);
    return await page.evaluate(({ view, lang }) => {
      const root = document.querySelector("#iom-explorer > .iom-explorer");
      if (!root || root.querySelector(".iom-error")) throw new Error(`the ${view} in ${lang} was not drawn`);
      // The app sets form controls' values as properties, which markup does not carry: the
      // copy's year handles and selects would show their defaults.
      for (const input of root.querySelectorAll("input")) {
        if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
        else input.setAttribute("value", input.value);
      }
      for (const option of root.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
      const copy = root.cloneNode(true);
      // Ids get a prefix, and so does every reference to one, so that they never name the
      // app's own elements, nor another copy's, while they are in the page.
      const prefix = `pre-${view}-${lang}-`;
      for (const element of copy.querySelectorAll("[id]")) element.id = prefix + element.id;
      if (copy.id) copy.id = prefix + copy.id;
      for (const name of ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers"]) {
        for (const element of copy.querySelectorAll(`[${name}]`)) {
          element.setAttribute(name, element.getAttribute(name).split(/\s+/).map((id) => prefix + id).join(" "));
        }
      }
      for (const link of copy.querySelectorAll('a[href^="#"]')) link.setAttribute("href", `#${prefix}${link.getAttribute("href").slice(1)}`);
      for (const button of copy.querySelectorAll("button, input, select, textarea")) button.disabled = true;
      for (const panel of copy.querySelectorAll("details")) panel.inert = true;
      // (the Timeline's drawing frame takes focus for its arrow keys)
      for (const focusable of copy.querySelectorAll("[tabindex]")) focusable.removeAttribute("tabindex");
      // A table wider than a phone scrolls: with its buttons disabled, the keyboard reaches it
      // through the scrolling box itself (scrolling works without the app).
      for (const wrap of copy.querySelectorAll(".iom-table-wrap")) wrap.tabIndex = 0;
      // The drawing is made for the visitor's width: the copy keeps its frame, as tall as it.
      for (const drawing of copy.querySelectorAll("svg.iom-tl-svg")) {
        drawing.replaceChildren();
        drawing.removeAttribute("width");
        drawing.removeAttribute("viewBox");
      }
      for (const tip of copy.querySelectorAll(".iom-tl-tip")) tip.remove();
      // The map is drawn for its frame's width too: the empty frame keeps its proportions
      // (style/map.css, `.iom-map-frame:empty`).
      for (const frame of copy.querySelectorAll(".iom-map-frame")) frame.replaceChildren();
      copy.classList.add("iom-prerendered");
      copy.setAttribute("lang", lang);
      copy.dataset.view = view;
      // Only the English Overview shows without scripts; the page's styles show another when
      // the early script chooses it. Its <main> is hidden too: a markup checker reads `hidden` on
      // the <main> itself, not on an ancestor, and a page has one visible <main>.
      if (lang !== "en" || view !== "overview") {
        copy.hidden = true;
        for (const main of copy.querySelectorAll("main")) main.hidden = true;
      }
      return copy.outerHTML;
    }, { view, lang });
  } finally {
    await context.close();
  }
}
