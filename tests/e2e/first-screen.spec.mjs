// The Overview prerendered into index.html at build time (scripts/prerender.mjs): readable
// before the Wasm arrives and without scripts, in the visitor's language, inert until the app
// takes it over, and taken over without anything moving.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { holdWasm } from "./hold-wasm.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const title = (lang) => (lang === "lo" ? snapshot.strategy.title.lo : snapshot.strategy.title.en);
const copy = (page) => page.locator(".iom-prerendered:visible");
const ready = (page) => page.waitForFunction(() => performance.getEntriesByName("iom-view-ready").length > 0);

test.use({ serviceWorkers: "block" });

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
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
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

test("a URL that asks for another view, filters or an item gets no prerendered copy", async ({ page }) => {
  await holdWasm(page);
  for (const query of ["view=timeline", "q=health", `item=${snapshot.events[0].id}`, "embed=1", "lang=lo&view=map", "lang=lo&lang=en"]) {
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
