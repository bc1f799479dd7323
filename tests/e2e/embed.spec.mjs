// Embedding in a CMS page with hostile CSS and a strict CSP: two script embeds and an iframe,
// from a sub-path. The host keeps its URL (except the opted-in hash key), styles and globals.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { holdWasm } from "./hold-wasm.mjs";
import { gotoLive } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const en = (text) => (typeof text === "string" ? text : text.en);
const total = snapshot.events.length + snapshot.projects.length + snapshot.partners.length;
const HOST = "/host/index.html?page=42";

function watch(page) {
  const problems = [];
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  page.on("pageerror", (err) => problems.push(err.message));
  return problems;
}

test("two script embeds and an iframe render under a strict CSP with no console errors", async ({ page }, info) => {
  const problems = watch(page);
  await page.goto(HOST);
  const one = page.locator("#one");
  const two = page.locator("#two");
  await expect(one.getByRole("heading", { level: 1 })).toHaveText("Themes");
  await expect(two.getByRole("heading", { level: 1 })).toHaveText("ແຜນທີ່ແຂວງ");
  await expect(two.getByRole("group", { name: /ແຜນທີ່ 18 ແຂວງ/ }).getByRole("button")).toHaveCount(18);
  const frame = page.frameLocator("#frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  await page.screenshot({ path: `tests/e2e/artifacts/screenshots/embed-host-${info.project.name}.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test("each script embed shows a loading status in its language until it draws", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(HOST);
  await expect(page.locator("#one").getByRole("status")).toHaveText("Loading the strategy snapshot…");
  await expect(page.locator("#two").getByRole("status")).toHaveText("ກຳລັງໂຫຼດຂໍ້ມູນຍຸດທະສາດ…");
  release();
  await expect(page.locator("#one").getByRole("heading", { level: 1 })).toHaveText("Themes");
  await expect(page.locator("#two").getByRole("heading", { level: 1 })).toHaveText("ແຜນທີ່ແຂວງ");
  await expect(page.locator("#one").getByText("Loading the strategy snapshot")).toHaveCount(0);
  await expect(page.locator("#two").getByText("ກຳລັງໂຫຼດຂໍ້ມູນຍຸດທະສາດ")).toHaveCount(0);
});

test("embeds whose Wasm cannot download say so in their language and offer a reload", async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(HOST);
  await expect(page.locator("#one").getByRole("status")).toHaveText(/^Something went wrong in the explorer: it could not start\. Check your connection/);
  await expect(page.locator("#two").getByRole("status")).toContainText("ກະລຸນາກວດເບິ່ງການເຊື່ອມຕໍ່");
  await expect(page.locator("#one").getByRole("link", { name: "Reload" })).toBeVisible();
  await expect(page.locator("#two").getByRole("link", { name: "ໂຫຼດໃໝ່" })).toBeVisible();
  await expect(page.getByText("Loading the strategy snapshot")).toHaveCount(0);
});

test("hostile host styles do not reach the explorer", async ({ page }) => {
  await page.goto(HOST);
  const heading = page.locator("#one").getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  const style = await heading.evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: s.fontSize, family: s.fontFamily };
  });
  expect(style.size).not.toBe("30px");
  expect(style.family).not.toBe("serif");
  const h2 = page.locator("#one").getByRole("heading", { level: 2 }).first();
  expect(await h2.evaluate((el) => getComputedStyle(el).color)).not.toBe("rgb(255, 0, 0)");
  // The host's own h2 is still red: the explorer did not restyle the page either.
  expect(await page.locator("body > h2").first().evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 0, 0)");
});

test("the two script embeds filter independently and leave the host URL alone", async ({ page }) => {
  await page.goto(HOST);
  const one = page.locator("#one");
  const two = page.locator("#two");
  await expect(one.locator(".iom-result-count")).toContainText(`Results: ${total} `);
  const twoBefore = await two.locator(".iom-result-count").textContent();
  await one.getByRole("searchbox", { name: "Search" }).fill("japan");
  await expect(one.locator(".iom-result-count")).not.toContainText(`Results: ${total} `);
  await expect(two.locator(".iom-result-count")).toHaveText(twoBefore);
  await one.getByRole("button", { name: en(snapshot.themes[0].name), exact: true }).click();
  await expect(one.getByRole("dialog")).toBeVisible();
  await expect(two.getByRole("dialog")).toHaveCount(0);
  expect(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash).toBe(HOST);
});

test("data-sync-url=hash keeps that embed's state under its own hash key only", async ({ page }) => {
  await page.goto(HOST);
  const two = page.locator("#two");
  await two.getByRole("group", { name: /ແຜນທີ່ 18 ແຂວງ/ }).getByRole("button", { name: /^ສະຫວັນນະເຂດ:/ }).click();
  await expect.poll(() => new URL(page.url()).hash).toContain("iom-two=");
  const url = new URL(page.url());
  expect(url.pathname + url.search).toBe(HOST);
  const state = new URLSearchParams(url.hash.slice(1)).get("iom-two");
  expect(new URLSearchParams(state).get("province")).toBe("LA-SV");
  await page.reload();
  await expect(two.getByRole("button", { name: /ສະຫວັນນະເຂດ/ }).first()).toBeVisible();
  await expect(two.getByRole("group", { name: /ແຜນທີ່ 18 ແຂວງ/ }).locator("[aria-pressed=true]")).toHaveCount(1);
});

test("the iframe reports its content height to the parent", async ({ page }) => {
  await page.goto(HOST);
  const frame = page.locator("#frame");
  // The parent sizes the iframe from the messages, so the timeline ends up fully visible.
  await expect.poll(async () => Number(await frame.getAttribute("data-reported-height"))).toBeGreaterThan(600);
  // (Read together: the explorer reports again as its view arrives, and the parent follows.)
  const sized = () => frame.evaluate((iframe) => [Number(iframe.getAttribute("height")), Math.ceil(Number(iframe.dataset.reportedHeight))]);
  await expect.poll(async () => { const [height, reported] = await sized(); return height === reported; }).toBe(true);
  const inner = page.frameLocator("#frame");
  await expect(inner.getByRole("banner")).toHaveCount(0);
  await expect(inner.getByRole("searchbox", { name: "Search" }).or(inner.getByRole("button", { name: /^Filters/ }))).toBeVisible();
});

test("the loader defines no globals on the host page", async ({ page }) => {
  await page.goto(HOST);
  await expect(page.locator("#one").getByRole("heading", { level: 1 })).toBeVisible();
  const added = await page.evaluate(() => {
    const before = new Set(window.hostGlobalsBefore);
    // Numeric names are the page's frames (the iframe), not globals.
    return Object.getOwnPropertyNames(window).filter((name) => !before.has(name) && name !== "hostGlobalsBefore" && !/^\d+$/.test(name));
  });
  expect(added).toEqual([]);
});

test("the Embed dialog gives both snippets for the current view and filters", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await gotoLive(page, "./?view=timeline&theme=theme-health");
  await page.getByText("Share and export").click();
  await page.getByRole("button", { name: "Embed" }).click();
  const dialog = page.getByRole("dialog", { name: "Embed this view in another page" });
  await expect(dialog).toBeVisible();
  const iframe = await dialog.getByRole("textbox", { name: /As an iframe/ }).inputValue();
  expect(iframe).toContain("index.html?view=timeline&amp;theme=theme-health&amp;embed=1");
  const script = await dialog.getByRole("textbox", { name: /With the script loader/ }).inputValue();
  expect(script).toContain('data-view="timeline"');
  expect(script).toContain('data-filters="theme=theme-health"');
  expect(script).toContain("embed.js");
  await dialog.getByRole("button", { name: "Copy" }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(iframe);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("each embed's details panel gives focus back to its own opener", async ({ page }) => {
  await page.goto(HOST);
  const one = page.locator("#one");
  const two = page.locator("#two");
  const openerOne = one.locator("main button.iom-item-link").first();
  const openerTwo = two.locator("table button.iom-item-link").first();
  await openerOne.click();
  await expect(one.getByRole("dialog")).toBeVisible();
  await openerTwo.click();
  await expect(two.getByRole("dialog")).toBeVisible();
  // Closing the first panel returns focus to the first explorer's opener, not the second's.
  await one.getByRole("dialog").getByRole("button", { name: "Close", exact: true }).click();
  await expect(one.getByRole("dialog")).toHaveCount(0);
  await expect(openerOne).toBeFocused();
  await expect(two.getByRole("dialog")).toBeVisible();
  await two.getByRole("dialog").getByRole("button", { name: "ປິດ", exact: true }).click();
  await expect(openerTwo).toBeFocused();
});

test("Copy link in a script embed gives a link to the standalone explorer with its view and filters", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(HOST);
  const one = page.locator("#one");
  // On a phone the filters are folded into a panel.
  const toggle = one.locator(".iom-filters__toggle");
  if (await toggle.isVisible()) await toggle.click();
  await one.getByLabel("Search").fill("health");
  await one.getByText("Share and export").click();
  await one.getByRole("button", { name: "Copy link" }).click();
  await expect(one.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const link = new URL(copied);
  // Not the host page's address, which carries none of the explorer's state.
  expect(link.pathname).toBe("/sites/default/files/explorer/index.html");
  expect(link.searchParams.get("view")).toBe("themes");
  expect(link.searchParams.get("q")).toBe("health");
  expect(link.searchParams.has("embed")).toBe(false);
  const count = await one.locator(".iom-result-count").textContent();
  await gotoLive(page, copied);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themes");
  await expect(page.getByLabel("Search")).toHaveValue("health");
  await expect(page.locator(".iom-result-count")).toHaveText(count);
});
