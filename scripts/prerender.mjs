// The Overview, the default first view, written into index.html at build time in both
// languages (README, "Performance"): a visitor reads the strategy before the Wasm has arrived,
// and so can a search engine or a browser without JavaScript. The release build runs this after
// Trunk (scripts/build.sh). Usage: node scripts/prerender.mjs [DIST]
//
// The page's early script (scripts/embed-hook.mjs, `firstScreen`) shows the copy of the
// language the explorer will draw, and none when the URL asks for another view, filters or an
// item. The app removes the copy when it draws (src/app/views/mod.rs), from the same snapshot
// and the same markup, so nothing moves. Until then the copy's buttons are disabled and its
// disclosure panels inert: nothing looks interactive before it is. Its links are ordinary links
// and work at once.
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright";
import { staticHandler } from "./serve.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const LANGS = ["en", "lo"];
/** The mark the explorer makes once its first view is drawn (src/app/perf.rs, `VIEW`). */
const VIEW_READY = "iom-view-ready";
/** Where the copies go in index.html: after the `noscript` notice, which comes first without scripts. */
const AFTER = "</noscript>";

const server = createServer(staticHandler(dist));
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
try {
  const copies = [];
  for (const lang of LANGS) copies.push(await render(lang));
  const page = join(dist, "index.html");
  const html = readFileSync(page, "utf8");
  if (html.includes("iom-prerendered")) throw new Error("prerender: index.html already has the prerendered Overview");
  if (html.split(AFTER).length !== 2) throw new Error(`prerender: expected one ${AFTER} in index.html`);
  writeFileSync(page, html.replace(AFTER, () => AFTER + copies.join("")));
  console.log(`prerender: the Overview in ${LANGS.join(" and ")} written into index.html (${copies.map((c) => `${(c.length / 1024).toFixed(1)} KB`).join(", ")})`);
} finally {
  await browser.close();
  server.close();
}

/** The drawn Overview in `lang`, as markup that cannot clash with the app's own and cannot act. */
async function render(lang) {
  // A fresh context each time: no stored language choice, no service worker.
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    await page.goto(`${origin}/?lang=${lang}`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, VIEW_READY, { timeout: 60_000 });
    // The footer's date is written once the view has been painted.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
    if (problems.length) throw new Error(`prerender: the ${lang} Overview logged errors: ${problems.join("; ")}`);
    return await page.evaluate((lang) => {
      const root = document.querySelector("#iom-explorer > .iom-explorer");
      if (!root || root.querySelector(".iom-error")) throw new Error(`the ${lang} Overview was not drawn`);
      const copy = root.cloneNode(true);
      // Ids get a prefix, and so does every reference to one, so that they never name the
      // app's own elements while both are in the page.
      const prefix = `pre-${lang}-`;
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
      copy.classList.add("iom-prerendered");
      copy.setAttribute("lang", lang);
      // Only the English copy shows without scripts; the page's styles show the Lao one when the
      // early script chooses it. Its <main> is hidden too: a markup checker reads `hidden` on the
      // <main> itself, not on an ancestor, and a page has one visible <main>.
      if (lang !== "en") {
        copy.hidden = true;
        for (const main of copy.querySelectorAll("main")) main.hidden = true;
      }
      return copy.outerHTML;
    }, lang);
  } finally {
    await context.close();
  }
}
