// The rendered markup of every view, in both languages and with a details panel open, is valid
// HTML by the Nu HTML Checker (npm vnu-jar, run with Java): the DOM the app builds, not only
// index.html, as the browser serializes it once the view is drawn.
import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
// The package's main export is the path of vnu.jar.
const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

// What shows that each view is drawn (beyond its heading and the footer's snapshot line).
const drawn = {
  overview: "main h1",
  themes: "main h1",
  timeline: "svg.iom-tl-svg .iom-marks > *",
  map: "svg.iom-map-svg .iom-province",
  partners: "svg.iom-network-svg",
  sources: ".iom-source-list",
};
const event = snapshot.events.find((e) => e.partners.length > 0 && e.sources.length > 0);
const partner = snapshot.partners.find((p) => p.themes.length > 0 && p.provinces.length > 0);
const pages = [
  ...Object.keys(drawn).flatMap((view) => ["en", "lo"].map((lang) => ({ name: `${view}-${lang}`, view, query: `view=${view}&lang=${lang}` }))),
  { name: `details-event-en`, view: "timeline", query: `view=timeline&lang=en&item=${event.id}`, dialog: true },
  { name: `details-partner-lo`, view: "partners", query: `view=partners&lang=lo&item=${partner.id}`, dialog: true },
];

test("every view's rendered DOM is valid HTML (Nu HTML Checker)", async ({ page }, info) => {
  test.skip(info.project.name !== "desktop", "the same DOM at every width; checked once");
  test.setTimeout(120_000);
  const files = [];
  for (const { name, view, query, dialog } of pages) {
    await page.goto(`./?${query}`);
    // The Overview's prerendered copies (both languages, one shown) go when the app draws.
    await expect(page.locator(".iom-prerendered")).toHaveCount(0);
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page.locator(drawn[view]).first()).toBeVisible();
    if (dialog) await expect(page.getByRole("dialog").getByRole("heading", { level: 2 })).toBeVisible();
    await expect(page.locator(".iom-footer__snapshot")).not.toBeEmpty();
    await expect(page.locator(".iom-boot, .iom-loading")).toHaveCount(0);
    const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`);
    const file = info.outputPath(`${name}.html`);
    writeFileSync(file, html);
    files.push(file);
  }
  // The page as served, with the Overview prerendered in both languages.
  files.push("dist/index.html");
  checkMarkup(files, info);
});

test("the snapshot editor's rendered DOM is valid HTML (Nu HTML Checker)", async ({ page }, info) => {
  test.skip(info.project.name !== "desktop", "the same DOM at every width; checked once");
  test.setTimeout(120_000);
  const files = [];
  const save = async (name) => {
    const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`);
    const file = info.outputPath(`${name}.html`);
    writeFileSync(file, html);
    files.push(file);
  };
  for (const lang of ["en", "lo"]) {
    await page.goto(`./edit.html?lang=${lang}`);
    await expect(page.locator(".problems")).toBeVisible();
    await save(`editor-strategy-${lang}`);
    await page.locator(".collections li button").nth(4).click();
    await page.locator(".item-list li button").first().click();
    await page.locator("#f-date").fill("2021-02-30");
    await expect(page.locator(".problems li")).toHaveCount(1);
    await save(`editor-event-${lang}`);
    await page.locator(".workbench-button").click();
    await expect(page.locator(".wb-row").first()).toBeVisible();
    await save(`editor-workbench-${lang}`);
  }
  checkMarkup(files, info);
});

/** Runs the checker once on every page (its JVM takes seconds to start); no error may remain. */
function checkMarkup(files, info) {
  // One JVM for every page: its start-up takes seconds.
  const run = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--stdout", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.error, "java could not be started (scripts/setup.sh installs it)").toBeUndefined();
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`vnu gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const errors = report.messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => `${(m.url ?? "").replace(/^.*\//, "")}:${m.lastLine ?? "?"}.${m.firstColumn ?? m.lastColumn ?? "?"}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, " ")}` : ""}`);
  expect(errors.length, `${errors.length} markup errors (pages kept in ${info.outputDir}):\n${errors.join("\n")}`).toBe(0);
  expect(run.status, run.stderr).toBe(0);
}
