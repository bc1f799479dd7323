// The Themes view and the shared filters, search, details panel and URL state, driven as a
// visitor would: controls found by role and accessible name.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { gotoLive } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const en = (text) => (typeof text === "string" ? text : text.en);
// The snapshot's date as the English interface writes it ("1 December 2026").
const checkedOn = new Date(`${snapshot.snapshot_date}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const total = snapshot.events.length + snapshot.projects.length + snapshot.partners.length;
const shots = "tests/e2e/artifacts/screenshots";
mkdirSync(shots, { recursive: true });

const themeHeadings = (page) => page.locator("article.iom-themes").getByRole("heading", { level: 2 });
const status = (page) => page.locator("p.iom-result-count");

async function openFilters(page, info) {
  if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
}

test("every thematic area has a card with live counts", async ({ page }, info) => {
  await gotoLive(page, "./?view=themes");
  await expect(themeHeadings(page)).toHaveCount(snapshot.themes.length);
  for (const theme of snapshot.themes) {
    await expect(page.getByRole("button", { name: en(theme.name), exact: true })).toBeVisible();
  }
  await expect(status(page)).toHaveText(
    `Results: ${total} (events: ${snapshot.events.length}, projects: ${snapshot.projects.length}, partners: ${snapshot.partners.length})`,
  );
  await page.screenshot({ path: `${shots}/themes-en-${info.project.name}.png`, fullPage: true });
});

test("search narrows results as you type, ignores case and accents, and an empty result offers to clear", async ({ page }, info) => {
  await gotoLive(page, "./?view=themes");
  await openFilters(page, info);
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("savannakhet");
  const plain = await status(page).textContent();
  expect(plain).not.toContain(`Results: ${total} `);
  await search.fill("SAVANNAKHÉT");
  await expect(status(page)).toHaveText(plain);
  await expect(page).toHaveURL(/q=SAVANNAKH%C3%89T/);
  await expect(page.getByRole("button", { name: "Remove filter: Search: “SAVANNAKHÉT”" })).toBeVisible();

  await search.fill("zzzz nothing here");
  await expect(status(page)).toHaveText("Results: 0 (events: 0, projects: 0, partners: 0)");
  await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear the filters" }).click();
  await expect(themeHeadings(page)).toHaveCount(snapshot.themes.length);
  await expect(status(page)).toContainText(`Results: ${total} `);
  await expect(search).toHaveValue("");
});

test("a theme facet filters, shows a removable chip, and lives in the URL", async ({ page }, info) => {
  await gotoLive(page, "./?view=themes");
  await openFilters(page, info);
  await page.getByText("Thematic area", { exact: true }).first().click();
  const health = snapshot.themes.find((t) => t.id === "theme-health");
  await page.getByRole("checkbox", { name: en(health.name) }).check();
  await expect(page).toHaveURL(/theme=theme-health/);
  await expect(themeHeadings(page)).toHaveCount(1);
  await expect(themeHeadings(page)).toHaveText(en(health.name));
  await page.reload();
  await expect(themeHeadings(page)).toHaveCount(1);
  await page.getByRole("button", { name: `Remove filter: ${en(health.name)}` }).click();
  await expect(themeHeadings(page)).toHaveCount(snapshot.themes.length);
  await expect(page).not.toHaveURL(/theme=/);
});

test("province and years from a shared link apply, with chips and Clear all", async ({ page }) => {
  await page.goto("./?view=themes&province=LA-SV&from=2010&to=2015");
  await expect(page.getByRole("button", { name: "Remove filter: Savannakhet" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove filter: Years 2010–2015" })).toBeVisible();
  await expect(status(page)).not.toContainText(`Results: ${total} `);
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(status(page)).toContainText(`Results: ${total} `);
  await expect(page).toHaveURL(/\?view=themes$/);
});

test("unknown and malformed parameters are ignored and the rest applies", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto("./?view=themes&from=abc&to=3000&theme=%3Cscript%3E&partner_kind=alien&utm_source=x&lang=xx&item=no-such-item");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themes");
  await expect(themeHeadings(page)).toHaveCount(snapshot.themes.length);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the details panel walks theme → partner → province → event, and Escape returns focus", async ({ page }, info) => {
  await gotoLive(page, "./?view=themes");
  const border = snapshot.themes.find((t) => t.id === "theme-border");
  const opener = page.getByRole("button", { name: en(border.name), exact: true });
  await opener.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(en(border.name));
  await expect(page).toHaveURL(/item=theme-border/);

  // A partner of this theme that the snapshot places in a province.
  const partner = snapshot.partners.find((p) => p.themes.includes("theme-border") && p.provinces.length);
  await dialog.getByRole("button", { name: en(partner.name), exact: true }).click();
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(en(partner.name));
  const kindLabel = { government: "Government", un: "United Nations", donor: "Donor", civil_society: "Civil society", private_sector: "Private sector" };
  await expect(dialog).toContainText(kindLabel[partner.kind]);

  const province = snapshot.provinces.find((p) => p.code === partner.provinces[0]);
  await dialog.getByRole("button", { name: province.name.en, exact: true }).click();
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(province.name.en);
  await expect(dialog).toContainText(province.name.lo);

  const event = snapshot.events.find((e) => e.provinces.includes(province.code));
  await dialog.getByRole("button", { name: en(event.title), exact: true }).first().click();
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(en(event.title));
  const link = dialog.getByRole("link").first();
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(link).toHaveAttribute("href", /^https:\/\//);
  await page.screenshot({ path: `${shots}/details-en-${info.project.name}.png` });

  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(page).not.toHaveURL(/item=/);
});

test("a shared link reopens the item in the chosen language", async ({ page }, info) => {
  await page.goto("./?view=themes&item=LA-SV&lang=lo");
  const dialog = page.getByRole("dialog");
  const sv = snapshot.provinces.find((p) => p.code === "LA-SV");
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(sv.name.lo);
  await expect(dialog.getByRole("button", { name: "ປິດ" })).toBeVisible();
  await page.screenshot({ path: `${shots}/details-lo-${info.project.name}.png` });
});

test("Back and Forward move between views", async ({ page }) => {
  await page.goto("./");
  const nav = page.getByRole("navigation", { name: "Explorer views" });
  await nav.getByRole("link", { name: "Themes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themes");
  await nav.getByRole("link", { name: "About the data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About the data");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themes");
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About the data");
});

test("a search typed just before switching views is still there after Back", async ({ page }, info) => {
  await gotoLive(page, "./?view=themes");
  await openFilters(page, info);
  await page.getByRole("searchbox", { name: "Search" }).fill("health");
  // At once, before the URL write that waits for typing to pause.
  await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themes");
  await expect(page).toHaveURL(/[?&]q=health/);
  await expect(page.locator("input[type=search]")).toHaveValue("health");
});

test("About the data lists every source, the editorial notes and the licences", async ({ page }, info) => {
  await page.goto("./?view=sources");
  const list = page.getByRole("region", { name: `Sources (${snapshot.sources.length})` });
  await expect(list.getByRole("link")).toHaveCount(snapshot.sources.length);
  await expect(page.getByRole("region", { name: "Editorial notes" }).getByRole("heading", { level: 3 })).toHaveCount(snapshot.notes.length);
  await expect(page.locator(".iom-licences").getByText("Boundaries © OpenStreetMap contributors, ODbL 1.0")).toBeVisible();
  await expect(page.getByText("do not imply official endorsement or acceptance")).toBeVisible();
  await expect(page.getByText(`Snapshot checked on ${checkedOn}`, { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/about-en-${info.project.name}.png`, fullPage: true });
});

test("on a phone the filters fold into a panel", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "phone layout only");
  await page.goto("./?view=themes&theme=theme-health");
  const toggle = page.getByRole("button", { name: "Filters (1)" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeVisible();
});
