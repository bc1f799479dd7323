// The app shell as a visitor meets it: the overview with the real strategy, both languages,
// and a clear message with a working Retry when the snapshot is bad or missing.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { holdWasm } from "./hold-wasm.mjs";
import { gotoLive } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const en = (text) => (typeof text === "string" ? text : text.en);
const shots = "tests/e2e/artifacts/screenshots";
mkdirSync(shots, { recursive: true });

function watchConsole(page) {
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

test("the overview shows the strategy from the snapshot", async ({ page }, info) => {
  const errors = watchConsole(page);
  // The app's own drawing, not the copy index.html shows until then (whose hidden Lao copy has
  // the same launch date).
  await gotoLive(page, "./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
  await expect(page.getByText(en(snapshot.strategy.vision))).toBeVisible();
  await expect(page.getByText(en(snapshot.strategy.goal))).toBeVisible();
  // The launch date, formatted by the browser's Intl for English, not the raw ISO string.
  await expect(page.locator("time[datetime='2022-02-24']")).toHaveText("24 February 2022");
  const glance = page.getByRole("region", { name: "At a glance" });
  for (const [count, label] of [
    [snapshot.themes.length, "areas of IOM's work (not the strategy's pillars)"],
    [snapshot.partners.length, "partners"],
    [snapshot.events.length, "dated events"],
    [snapshot.provinces.length, "provinces"],
  ]) {
    await expect(glance.getByRole("listitem").filter({ hasText: label }).first()).toContainText(String(count));
  }
  for (const theme of snapshot.themes) {
    await expect(page.getByRole("heading", { name: typeof theme.name === "string" ? theme.name : theme.name.en })).toBeVisible();
  }
  await expect(page).toHaveTitle("IOM Lao PDR Strategy Explorer");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: `${shots}/overview-en-${info.project.name}.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test("index.html has a description, a favicon and a noscript message", async ({ page, request }) => {
  const html = await (await request.get("./")).text();
  await page.goto("./");
  // DOMParser reads the page as a browser without scripting would (the release build minifies it).
  const found = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    return {
      description: doc.querySelector('meta[name="description"]')?.content ?? "",
      icon: doc.querySelectorAll('link[rel="icon"]').length,
      noscript: doc.querySelector("noscript")?.textContent ?? "",
    };
  }, html);
  expect(found.description.length).toBeGreaterThan(50);
  expect(found.icon).toBe(1);
  expect(found.noscript).toContain("needs JavaScript and WebAssembly");
});

test("a loading status shows before the app has started, and goes when the explorer draws", async ({ page }) => {
  const release = await holdWasm(page);
  // A view with no prerendered copy (the Overview, the Timeline, Themes and the Map have one:
  // first-screen.spec.mjs).
  await page.goto("./?view=partners");
  // Both languages: the status is in the page before any script runs.
  await expect(page.getByRole("status")).toContainText("Loading the strategy snapshot");
  await expect(page.getByRole("status")).toContainText("ກຳລັງໂຫຼດ");
  await expect(page.getByText("Something went wrong in the explorer")).toBeHidden();
  release();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Loading the strategy snapshot")).toHaveCount(0);
});

test("if the app's Wasm cannot download, the status says so in both languages and offers a reload", async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto("./?view=partners");
  const status = page.getByRole("status");
  await expect(status.getByText("Something went wrong in the explorer: it could not start. Check your connection and try again.")).toBeVisible();
  await expect(status.getByText("ກະລຸນາກວດເບິ່ງການເຊື່ອມຕໍ່ ແລ້ວລອງໃໝ່")).toBeVisible();
  await expect(status.getByText("Loading the strategy snapshot")).toBeHidden();
  await expect(status.getByText("ກຳລັງໂຫຼດ")).toBeHidden();
  await expect(status.getByRole("link", { name: "Reload" })).toBeVisible();
  // The link reloads the page: with the Wasm back, the explorer starts.
  await page.unroute(/_bg\.wasm$/);
  await status.getByRole("link", { name: "Reload" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the Lao switch translates the interface, sets html lang and survives a reload", async ({ page }, info) => {
  await page.goto("./");
  await page.getByRole("button", { name: "ພາສາລາວ" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await expect(page).toHaveURL(/[?&]lang=lo/);
  await expect(page.getByRole("link", { name: "ພາບລວມ" })).toHaveAttribute("aria-current", "page");
  // The content is Lao too; our unreviewed translation says so with a visible word.
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toContainText(snapshot.strategy.title.lo);
  await expect(title.locator("[lang=en]")).toHaveCount(0);
  await expect(title.locator(".iom-unreviewed")).toHaveText("ຄຳແປ");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await expect(page.getByRole("button", { name: "ພາສາລາວ" })).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: `${shots}/overview-lo-${info.project.name}.png`, fullPage: true });
});

test("views are in the URL, and Back returns to the previous view", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "About the data" }).click();
  await expect(page).toHaveURL(/[?&]view=sources/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About the data");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
});

test("a view link opened in a new tab carries the search typed before it", async ({ page, context }, info) => {
  await gotoLive(page, "./?view=timeline");
  if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
  await page.getByRole("searchbox", { name: "Search" }).pressSequentially("health");
  const link = page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Province map" });
  await expect(link).toHaveAttribute("href", /[?&]q=health(&|$)/);
  const tab = await context.newPage();
  await tab.goto(new URL(await link.getAttribute("href"), page.url()).href);
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Province map");
  if (info.project.name === "phone") await tab.getByRole("button", { name: /^Filters/ }).click();
  await expect(tab.getByRole("searchbox", { name: "Search" })).toHaveValue("health");
});

test("a snapshot with an impossible date is refused with the problem named, not a blank page", async ({ page }, info) => {
  await page.goto("./?snapshot=test-data/broken/impossible-date.json");
  const alert = page.getByRole("alert");
  await expect(alert.getByRole("heading")).toHaveText("The strategy data could not be shown");
  await expect(alert).toContainText("$.events[0].date");
  await expect(alert).toContainText("day 30 does not exist in 2021-02");
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
  await page.screenshot({ path: `${shots}/error-invalid-${info.project.name}.png` });
});

test("truncated JSON, an unknown major version and a file that is not UTF-8 each get their own message", async ({ page }) => {
  await page.goto("./?snapshot=test-data/broken/truncated.json");
  await expect(page.getByRole("alert")).toContainText("not valid JSON: EOF while parsing");
  await page.goto("./?snapshot=test-data/broken/unknown-major-version.json");
  await expect(page.getByRole("alert")).toContainText("unknown major version 2");
  // A file saved as Latin-1, not UTF-8: refused with the first bad byte's offset, not shown
  // with replacement characters.
  await page.goto("./?snapshot=test-data/broken/not-utf8.json");
  await expect(page.getByRole("alert")).toContainText("not UTF-8 text: byte 1060 is not valid UTF-8");
});

test("a missing snapshot names the URL and the status", async ({ page }) => {
  await page.goto("./?snapshot=data/no-such-file.json");
  await expect(page.getByRole("alert")).toContainText("The server answered 404 Not Found for data/no-such-file.json.");
});

test("Retry loads the snapshot once the server recovers", async ({ page }, info) => {
  await page.goto(`./?snapshot=fault/fails-once-${info.project.name}-${Date.now()}.json`);
  await expect(page.getByRole("alert")).toContainText("500");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
});
