// Previews (`?snapshot=`) and the hostile responses a preview link can reach: only a plain
// path in the explorer's folder, only JSON, never a redirect to another site, never more than
// the size limit, and a banner that says a preview is not the published snapshot.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const minimal = JSON.parse(readFileSync("tests/fixtures/minimal.json", "utf8"));
const en = (text) => (typeof text === "string" ? text : text.en);
const port = Number(process.env.E2E_PORT ?? 8181);
const unique = (info, name) => `fault/${name}-${info.project.name}-${info.retry}-${Date.now()}.json`;
const partners = (page) => page.locator(".iom-stat").filter({ hasText: "partners" }).locator(".iom-stat__value");

test("a preview shows a banner naming its path, and a link back to the published snapshot", async ({ page }) => {
  await page.goto("./?view=overview&snapshot=test-data/fixtures/minimal.json");
  const banner = page.getByRole("note").filter({ hasText: "Preview of" });
  await expect(banner).toContainText("Preview of test-data/fixtures/minimal.json: this is not the published snapshot.");
  await expect(partners(page)).toHaveText(String(minimal.partners.length));
  await banner.getByRole("link", { name: "Show the published snapshot" }).click();
  await expect(page).not.toHaveURL(/snapshot=/);
  await expect(partners(page)).toHaveText(String(snapshot.partners.length));
  await expect(page.getByText("Preview of")).toHaveCount(0);
  // In Lao too.
  await page.goto("./?lang=lo&snapshot=test-data/fixtures/minimal.json");
  await expect(page.getByRole("note").filter({ hasText: "test-data/fixtures/minimal.json" })).toContainText("ສະບັບທົດລອງ");
});

test("a preview path that is not a plain path in the explorer's folder is ignored", async ({ page }) => {
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  for (const path of [
    "../../uploads/a.txt%23.json",
    "test-data/fixtures/hostile.json%3F.json",
    "test-data/../test-data/fixtures/minimal.json",
    "/test-data/fixtures/minimal.json",
    "x%3F.json",
  ]) {
    await page.goto(`./?view=overview&snapshot=${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
    await expect(partners(page)).toHaveText(String(snapshot.partners.length));
    await expect(page.getByText("Preview of")).toHaveCount(0);
  }
  expect(requests.filter((path) => /uploads|hostile|minimal|x\?/.test(path))).toEqual([]);
});

test("a snapshot served as plain text is refused as not JSON", async ({ page }, info) => {
  await page.goto(`./?snapshot=${unique(info, "plain-text")}`);
  await expect(page.getByRole("alert")).toContainText("The server sent text/plain; charset=utf-8 instead of a JSON snapshot");
});

test.describe("a redirect", () => {
  // The standalone page's own policy (connect-src 'self') already stops the request at the other
  // site; a host page that embeds the explorer may allow more, so the check must hold by itself.
  test.use({ bypassCSP: true });

  test("to another site is refused, naming where it went", async ({ page }, info) => {
    await page.goto(`./?snapshot=${unique(info, "redirect-off-site")}`);
    await expect(page.getByRole("alert")).toContainText(`was redirected to another site (http://127.0.0.1:${port + 1})`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The strategy data could not be shown");
  });
});

test("a chunked snapshot with no length is stopped at the size limit while it arrives", async ({ page }, info) => {
  await page.goto(`./?snapshot=${unique(info, "chunked-huge")}`);
  await expect(page.getByRole("alert")).toContainText("is larger than the limit of 25.0 MB; the download was stopped there", { timeout: 20_000 });
});

test.describe("the boundaries", () => {
  // The page's routes must see the map's requests: no service worker answers them from its store.
  test.use({ serviceWorkers: "block" });

  test("too large or never arriving, they leave the map's table, with the problem named", async ({ page }) => {
  test.setTimeout(60_000);
  // About 6 MB: over the 5 MB limit.
  await page.route("**/lao-provinces.geojson", (route) =>
    route.fulfill({ status: 200, contentType: "application/geo+json", body: " ".repeat(6 * 1024 * 1024) }),
  );
  await page.goto("./?view=map");
  await expect(page.getByRole("alert")).toContainText("The province boundaries could not be loaded (larger than 5.0 MB)");
  await expect(page.getByRole("table")).toBeVisible();
  await page.unroute("**/lao-provinces.geojson");
  await page.route("**/lao-provinces.geojson", () => {}); // never answered
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "boundaries" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("(no answer within 20 s)", { timeout: 30_000 });
  });
});

test("a script embed synced to the hash never takes the snapshot from the host page's hash", async ({ page }) => {
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const hash = new URLSearchParams({ "iom-two": "view=map&lang=lo&snapshot=test-data/fixtures/minimal.json" });
  await page.goto(`/host/index.html#${hash}`);
  const two = page.locator("#two");
  await expect(two.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(two.getByText("ສະບັບທົດລອງ")).toHaveCount(0);
  expect(requests.filter((url) => url.includes("minimal.json"))).toEqual([]);
});
