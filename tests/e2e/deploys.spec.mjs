// The service worker across deploys (tests/e2e/deploys.mjs makes the builds): each site under
// /deploy/<site>/ serves build A until the test switches it.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const en = (text) => (typeof text === "string" ? text : text.en);
const title = en(snapshot.strategy.title);

async function site(page, info, name) {
  const id = `${name}-${info.project.name}-${info.retry}-${Date.now()}`;
  const deploy = async (build) => (await page.request.get(`/__deploy?site=${id}&build=${build}`)).json();
  const builds = await deploy("A");
  return { base: `/deploy/${id}/`, deploy, builds };
}

const stylesheets = (page) => page.evaluate(() => [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => link.getAttribute("href")));
const shellCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("iom-explorer-shell-")));
const workerReady = (page) => page.evaluate(async () => Boolean(await navigator.serviceWorker.ready));

test("after a deploy the new build is used online and offline, with no missing file and one stored build", async ({ page, context }, info) => {
  test.setTimeout(60_000);
  const { base, deploy, builds } = await site(page, info, "deploy");
  await page.goto(base);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await workerReady(page);
  expect(await stylesheets(page)).toContain(`./${builds.A.css}`);
  const [firstCache] = await shellCaches(page);
  expect(firstCache).toMatch(/^iom-explorer-shell-[0-9a-f]{16}$/);

  await deploy("B");
  await page.goto(base);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await stylesheets(page)).toContain(`./${builds.B.css}`);
  // The new worker (its sw.js changed with the build) is installed and has removed A's cache.
  await expect.poll(() => shellCaches(page), { timeout: 15_000 }).toEqual([expect.not.stringMatching(firstCache)]);

  const missing = [];
  page.on("requestfailed", (request) => missing.push(request.url()));
  page.on("response", (response) => response.status() >= 400 && missing.push(response.url()));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await stylesheets(page)).toContain(`./${builds.B.css}`);
  // Styled from B's stylesheet: it is in the page's style sheets with its rules.
  expect(await page.evaluate((css) => [...document.styleSheets].some((sheet) => sheet.href?.endsWith(css) && sheet.cssRules.length > 0), builds.B.css)).toBe(true);
  expect(missing).toEqual([]);
  await context.setOffline(false);
});

test("only the explorer's page is stored: another file opened in a tab does not replace it offline", async ({ page, context }, info) => {
  const { base } = await site(page, info, "page");
  await page.goto(`${base}?view=timeline`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  await workerReady(page);
  await page.goto(`${base}data/strategy.schema.json`);
  await context.setOffline(true);
  await page.goto(`${base}index.html?embed=1&view=timeline`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  await context.setOffline(false);
});

test("stored boundaries are checked with the server, so a changed file arrives", async ({ page }, info) => {
  const { base, deploy } = await site(page, info, "boundaries");
  const stored = () => page.evaluate(async () => {
    const hit = await caches.match(new URL("data/lao-provinces.geojson", location.href).href);
    return hit ? (await hit.text()).length : 0;
  });
  await page.goto(`${base}?view=map`);
  await expect(page.locator(".iom-map-svg path").first()).toBeVisible();
  await workerReady(page);
  await expect.poll(stored).toBeGreaterThan(0);
  const before = await stored();
  await deploy("A2"); // the same build with changed boundaries (one byte more)
  await page.reload();
  await expect(page.locator(".iom-map-svg path").first()).toBeVisible();
  await expect.poll(stored).toBe(before + 1);
});

test("previews do not pile up: the published snapshot and the last preview are kept", async ({ page }) => {
  const stored = () => page.evaluate(async () => (await (await caches.open("iom-explorer-good-snapshots")).keys()).map((request) => new URL(request.url).pathname).sort());
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect.poll(stored).toContain("/data/strategy.json");
  for (const preview of ["minimal", "hostile"]) {
    await page.goto(`./?snapshot=test-data/fixtures/${preview}.json`);
    await expect(page.getByText(`Preview of test-data/fixtures/${preview}.json`)).toBeVisible();
  }
  await expect.poll(stored).toEqual(["/data/strategy.json", "/test-data/fixtures/hostile.json"]);
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect.poll(stored).toEqual(["/data/strategy.json", "/test-data/fixtures/hostile.json"]);
});
