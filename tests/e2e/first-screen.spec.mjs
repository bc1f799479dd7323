// The Overview, the Timeline, Themes and the Map prerendered into index.html at build time
// (scripts/prerender.mjs): readable before the Wasm arrives (the English Overview also without
// scripts), in the visitor's language, inert until the app takes them over, and taken over
// without anything moving.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { holdWasm } from "./hold-wasm.mjs";
import { uiText } from "../../scripts/ui-text.mjs";
import { COPIED_VIEWS, COPY_LANGS } from "../../scripts/copied-views.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const title = (lang) => (lang === "lo" ? snapshot.strategy.title.lo : snapshot.strategy.title.en);
const copy = (page) => page.locator(".iom-prerendered:visible");
const ready = (page) => page.waitForFunction(() => performance.getEntriesByName("iom-view-ready").length > 0);

test.use({ serviceWorkers: "block" });

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** What a visitor reads meets the same WCAG A/AA rules as the app (a11y.spec). */
async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

/** Holds the download of a view's own Wasm part (`split_<name>-….wasm`) until the returned
 * function is called: the explorer starts, reads the snapshot and waits for it. */
async function holdPart(page, name) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(new RegExp(`/split_${name}-[^/]*\\.wasm$`), async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens `view` in `lang` and checks that its copy is the one shown, with its heading and introduction. */
async function openCopy(page, view, lang, { heading, intro }) {
  await page.goto(`./?view=${view}&lang=${lang}`);
  await expect(copy(page)).toHaveCount(1);
  await expect(copy(page)).toHaveAttribute("data-view", view);
  await expect(copy(page)).toHaveAttribute("lang", lang);
  await expect(copy(page).getByRole("heading", { level: 1 })).toHaveText(uiText(lang, heading));
  await expect(copy(page).getByText(uiText(lang, intro))).toBeVisible();
}

const box = (root, selector) => root.locator(selector).first().boundingBox();

/** Opens `view` in `lang` with the Wasm and the views' part held, notes where `selectors` sit
 * in the copy, lets the explorer start and checks the copy stays, with no loading status, while
 * the part is held; then lets the part come and waits for the app to take over. Returns the
 * copy's boxes and the live explorer. */
async function takeOverBehindCopy(page, view, lang, selectors) {
  const release = await holdWasm(page);
  const releasePart = await holdPart(page, "views");
  await page.goto(`./?view=${view}&lang=${lang}`);
  const before = {};
  for (const [name, selector] of Object.entries(selectors)) before[name] = await box(copy(page), selector);
  release();
  await page.waitForFunction(() => performance.getEntriesByName("iom-snapshot-ready").length > 0);
  await page.waitForTimeout(300);
  await expect(copy(page)).toHaveCount(1);
  await expect(page.getByText(uiText(lang, "PartLoading"))).toBeHidden();
  releasePart();
  await ready(page);
  await expect(page.locator(".iom-prerendered")).toHaveCount(0);
  return { before, live: page.locator("#iom-explorer > .iom-explorer") };
}

for (const lang of ["en", "lo"]) {
  test(`before the Wasm arrives, the Overview is readable in ${lang === "lo" ? "Lao" : "English"} and does not look interactive`, async ({ page }) => {
    await holdWasm(page);
    await page.goto(`./?lang=${lang}`);
    await expect(copy(page)).toHaveCount(1);
    await expect(copy(page)).toHaveAttribute("lang", lang);
    await expect(copy(page).getByRole("heading", { level: 1 })).toContainText(title(lang));
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    // Its buttons wait for the app; its links are links and already work.
    const buttons = copy(page).getByRole("button");
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const button of await buttons.all()) await expect(button).toBeDisabled();
    await expect(copy(page).getByRole("navigation").getByRole("link").nth(1)).toHaveAttribute("href", /[?&]view=/);
    // The status says the rest is coming, in the page's language only.
    await expect(page.getByRole("status").getByText(lang === "lo" ? "ກຳລັງໂຫຼດ" : "Loading the strategy snapshot")).toBeVisible();
    // What a visitor reads in those seconds meets the same WCAG A/AA rules as the app (a11y.spec).
    await expectNoAxeViolations(page);
  });
}

test("the visitor's last language choice picks the Lao copy; a link's language wins over it", async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.setItem("iom-lao-explorer.lang", "lo"));
  await holdWasm(page);
  await page.goto("./");
  await expect(copy(page).getByRole("heading", { level: 1 })).toContainText(title("lo"));
  await page.goto("./?lang=en");
  await expect(copy(page).getByRole("heading", { level: 1 })).toHaveText(title("en"));
});

test("every view the build copies shows its own copy, and only it, before the Wasm arrives", async ({ page }) => {
  // The build's list (scripts/copied-views.mjs) against what the page shows (style/page.css).
  await holdWasm(page);
  for (const { view } of COPIED_VIEWS) for (const lang of COPY_LANGS) {
    await page.goto(`./?view=${view}&lang=${lang}`);
    await expect(copy(page), `${view} ${lang}`).toHaveCount(1);
    await expect(copy(page)).toHaveAttribute("data-view", view);
    await expect(copy(page)).toHaveAttribute("lang", lang);
  }
  await expect(page.locator(".iom-prerendered")).toHaveCount(COPIED_VIEWS.length * COPY_LANGS.length);
});

test("a URL that asks for another view, filters or an item gets no prerendered copy", async ({ page }) => {
  await holdWasm(page);
  for (const query of ["view=sources", `view=themes&theme=${snapshot.themes[0].id}`, "view=timeline&q=health", "q=health", `item=${snapshot.events[0].id}`, "embed=1", "lang=lo&view=partners", "view=map&province=LA-VT", "lang=lo&lang=en", "view=timeline&view=overview"]) {
    await page.goto(`./?${query}`);
    await expect(page.getByRole("status")).toBeVisible();
    await expect(copy(page), query).toHaveCount(0);
  }
});

for (const lang of ["en", "lo"]) {
  test(`the app takes the ${lang === "lo" ? "Lao" : "English"} copy over without moving anything`, async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`./?lang=${lang}`);
    const heading = copy(page).getByRole("heading", { level: 1 });
    const before = await heading.boundingBox();
    const summaryBefore = await copy(page).locator("p").first().boundingBox();
    release();
    await ready(page);
    await expect(page.locator(".iom-prerendered")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    const live = page.locator("#iom-explorer > .iom-explorer");
    expect(await live.getByRole("heading", { level: 1 }).boundingBox()).toEqual(before);
    expect(await live.locator("p").first().boundingBox()).toEqual(summaryBefore);
    // Now the buttons answer.
    const other = live.getByRole("button", { name: lang === "lo" ? "English" : "ພາສາລາວ" });
    await expect(other).toBeEnabled();
    await other.click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang === "lo" ? "en" : "lo");
  });
}

for (const lang of ["en", "lo"]) {
  test(`before the Wasm arrives, the Timeline is readable in ${lang === "lo" ? "Lao" : "English"}, its drawing's frame in place, and nothing in it acts`, async ({ page }) => {
    await holdWasm(page);
    await openCopy(page, "timeline", lang, { heading: "ViewTimeline", intro: "TimelineIntro" });
    // The year handles stand at the ends of the years, as the app puts them.
    const handles = copy(page).locator('input[type="range"]');
    await expect(handles).toHaveCount(2);
    await expect(handles.first()).toHaveValue(await handles.first().getAttribute("min"));
    await expect(handles.last()).toHaveValue(await handles.last().getAttribute("max"));
    for (const button of await copy(page).getByRole("button").all()) await expect(button).toBeDisabled();
    // The drawing's frame is there, empty, and takes no focus before its arrow keys work.
    const frame = copy(page).locator(".iom-tl-frame");
    await expect(frame).toBeVisible();
    expect((await frame.boundingBox()).height).toBeGreaterThan(200);
    await expect(frame.locator(".iom-marks")).toHaveCount(0);
    await expect(copy(page).locator("[tabindex]")).toHaveCount(0);
    await expect(page.getByRole("status").getByText(lang === "lo" ? "ກຳລັງໂຫຼດ" : "Loading the strategy snapshot")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`the app draws the ${lang === "lo" ? "Lao" : "English"} Timeline behind its copy and shows it, drawn, where the copy was`, async ({ page }) => {
    const release = await holdWasm(page);
    // The Timeline's own code, held too: the explorer starts, reads the snapshot and waits.
    const releasePart = await holdPart(page, "timeline");
    await page.goto(`./?view=timeline&lang=${lang}`);
    const before = {
      heading: await box(copy(page), "h1"),
      intro: await box(copy(page), ".iom-intro"),
      frame: await box(copy(page), ".iom-tl-frame"),
    };
    release();
    await page.waitForFunction(() => performance.getEntriesByName("iom-snapshot-ready").length > 0);
    // The visitor keeps reading the copy, not a view that says it is loading.
    await page.waitForTimeout(300);
    await expect(copy(page)).toHaveCount(1);
    await expect(page.locator("#iom-explorer > .iom-explorer:not(.iom-prerendered)")).toBeHidden();
    await expect(page.getByText(uiText(lang, "PartLoading"))).toBeHidden();
    releasePart();
    await page.waitForFunction(() => performance.getEntriesByName("iom-timeline-ready").length > 0);
    await expect(page.locator(".iom-prerendered")).toHaveCount(0);
    const live = page.locator("#iom-explorer > .iom-explorer");
    await expect(live).toBeVisible();
    expect(await box(live, "h1")).toEqual(before.heading);
    expect(await box(live, ".iom-intro")).toEqual(before.intro);
    const frame = await box(live, ".iom-tl-frame");
    expect({ x: frame.x, y: frame.y, width: frame.width }).toEqual({ x: before.frame.x, y: before.frame.y, width: before.frame.width });
    // Its rows do not depend on the width, so the frame was about as tall as the drawing.
    expect(Math.abs(frame.height - before.frame.height)).toBeLessThan(8);
    // The drawing is made for the frame it is seen in, and now answers the keyboard.
    const drawing = live.locator(".iom-tl-svg");
    expect(Number(await drawing.getAttribute("width"))).toBeCloseTo(frame.width - 2, 0);
    await expect(live.locator(".iom-marks > *").first()).toBeAttached();
    await live.locator(".iom-tl-frame").focus();
    await page.keyboard.press("ArrowRight");
    await expect(live.locator(".iom-tl-frame [aria-live], .iom-timeline [aria-live]").first()).not.toBeEmpty();
  });
}

for (const lang of ["en", "lo"]) {
  test(`before the Wasm arrives, Themes are readable in ${lang === "lo" ? "Lao" : "English"}, each area with its summary, and nothing in them acts`, async ({ page }) => {
    await holdWasm(page);
    await openCopy(page, "themes", lang, { heading: "ViewThemes", intro: "ThemesIntro" });
    // Every thematic area of the snapshot, under its name in the copy's language, with its summary.
    const cards = copy(page).locator(".iom-theme-card");
    await expect(cards).toHaveCount(snapshot.themes.length);
    for (const [i, theme] of snapshot.themes.entries()) {
      await expect(cards.nth(i).getByRole("heading", { level: 2 })).toHaveText(theme.name[lang] ?? theme.name.en);
      // (a Lao text not yet reviewed carries its "translation" mark after it)
      await expect(cards.nth(i).locator(":scope > p").first()).toContainText(theme.summary[lang] ?? theme.summary.en);
    }
    for (const button of await copy(page).getByRole("button").all()) await expect(button).toBeDisabled();
    // The filters too, folded away on a phone.
    const controls = await copy(page).locator("input, select").all();
    expect(controls.length).toBeGreaterThan(2);
    for (const control of controls) await expect(control).toBeDisabled();
    await expectNoAxeViolations(page);
  });

  test(`the app draws the ${lang === "lo" ? "Lao" : "English"} Themes behind their copy and shows them where the copy was, answering input`, async ({ page }) => {
    const { before, live } = await takeOverBehindCopy(page, "themes", lang, { heading: "h1", intro: ".iom-intro", card: ".iom-theme-card" });
    await expect(live).toBeVisible();
    expect(await box(live, "h1")).toEqual(before.heading);
    expect(await box(live, ".iom-intro")).toEqual(before.intro);
    expect(await box(live, ".iom-theme-card")).toEqual(before.card);
    // The live cards answer: an area's name opens its details.
    const cards = live.locator(".iom-theme-card");
    await expect(cards).toHaveCount(snapshot.themes.length);
    const name = snapshot.themes[0].name[lang] ?? snapshot.themes[0].name.en;
    await cards.first().getByRole("heading", { level: 2 }).getByRole("button").click();
    await expect(page.getByRole("dialog")).toContainText(name);
  });
}

for (const lang of ["en", "lo"]) {
  test(`before the Wasm arrives, the province map's page is readable in ${lang === "lo" ? "Lao" : "English"}, its frame held for the map, and nothing in it acts`, async ({ page }) => {
    await holdWasm(page);
    await openCopy(page, "map", lang, { heading: "ViewMap", intro: "MapIntro" });
    await expect(copy(page).getByRole("heading", { name: uiText(lang, "LegendTitle") })).toBeVisible();
    // The map is drawn for the visitor's width: the copy holds its place, empty, at its proportions.
    const frame = copy(page).locator(".iom-map-frame");
    await expect(frame).toBeEmpty();
    const { width, height } = await frame.boundingBox();
    expect(width).toBeGreaterThan(100);
    expect(height / width).toBeCloseTo(452 / 380, 1);
    for (const button of await copy(page).getByRole("button").all()) await expect(button).toBeDisabled();
    for (const control of await copy(page).locator("input, select").all()) await expect(control).toBeDisabled();
    await expectNoAxeViolations(page);
  });

  test(`the app draws the ${lang === "lo" ? "Lao" : "English"} map behind its copy and shows it in the copy's frame, answering input`, async ({ page }) => {
    const { before, live } = await takeOverBehindCopy(page, "map", lang, { heading: "h1", intro: ".iom-intro", frame: ".iom-map-frame", legend: ".iom-legend" });
    await expect(live.locator("svg.iom-map-svg")).toBeVisible();
    expect(await box(live, "h1")).toEqual(before.heading);
    expect(await box(live, ".iom-intro")).toEqual(before.intro);
    // On a phone the legend comes after the map: it moves with the frame's height (below).
    const legend = await box(live, ".iom-legend");
    expect({ x: legend.x, width: legend.width }).toEqual({ x: before.legend.x, width: before.legend.width });
    expect(Math.abs(legend.y - before.legend.y)).toBeLessThan(8);
    const frame = await box(live, ".iom-map-frame");
    expect(frame.x).toBe(before.frame.x);
    expect(frame.width).toBe(before.frame.width);
    expect(Math.abs(frame.height - before.frame.height)).toBeLessThan(8);
    // The live map answers: a province filters by it.
    await live.locator("svg.iom-map-svg [role=button]").first().click();
    await expect(page).toHaveURL(/[?&]province=/);
  });
}

test("if the Timeline's code cannot download, its copy gives way to the message and Retry", async ({ page }) => {
  await page.route(/\/split_timeline-[^/]*\.wasm$/, (route) => route.abort());
  await page.goto("./?view=timeline");
  const live = page.locator("#iom-explorer > .iom-explorer");
  await expect(live.getByRole("alert")).toContainText(uiText("en", "PartLoadFailed"));
  await expect(live.getByRole("button", { name: uiText("en", "Retry") })).toBeVisible();
  await expect(page.locator(".iom-prerendered")).toHaveCount(0);
});

test("if the Wasm cannot download, the copy stays readable and the status says so", async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto("./");
  await expect(copy(page).getByRole("heading", { level: 1 })).toHaveText(title("en"));
  const status = page.getByRole("status");
  await expect(status.getByText("it could not start")).toBeVisible();
  await expect(status.getByRole("link", { name: "Reload" })).toBeVisible();
});

test.describe("without scripts", () => {
  test.use({ javaScriptEnabled: false });
  // (Playwright turns scripts off without telling the HTML parser, so the noscript note and
  // the `scripting: none` styles cannot be seen here; foundation.spec.mjs reads the note.)
  test("the English Overview is readable, its links lead to the other views", async ({ page }) => {
    await page.goto("./");
    await expect(copy(page).getByRole("heading", { level: 1 })).toHaveText(title("en"));
    await expect(copy(page).getByRole("navigation").getByRole("link", { name: "Timeline" }).first()).toHaveAttribute("href", /[?&]view=timeline/);
  });
});
