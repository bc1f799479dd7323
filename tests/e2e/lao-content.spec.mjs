// A Lao reader's explorer: in the Lao interface the content itself is Lao, not only the buttons.
// Letters are counted as a reader sees them (visible text only): Lao letters against Latin ones,
// in the main region of every view and in the details panel of every item.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { gotoLive } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const shots = "tests/e2e/artifacts/screenshots";
// The app's own view, not the Overview the build drew into the page (gone once the app draws).
const LIVE_MAIN = ".iom-explorer:not(.iom-prerendered) main.iom-main";
mkdirSync(shots, { recursive: true });

// Lao letters and Latin letters (digits, punctuation and the rest count for neither) in the
// visible text under `selector`.
async function letters(page, selector) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let lao = 0;
    let latin = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (parent.closest(".iom-visually-hidden")) continue;
      const text = node.data;
      lao += (text.match(/[\u0E81-\u0ECD\u0EDC-\u0EDF]/g) ?? []).length;
      latin += (text.match(/[A-Za-z\u00C0-\u024F]/g) ?? []).length;
    }
    return { lao, latin, share: lao / Math.max(1, lao + latin) };
  }, selector);
}

const views = ["overview", "story", "themes", "timeline", "map", "partners", "sources"];

for (const view of views) {
  test(`the ${view} view reads in Lao`, async ({ page }, info) => {
    await gotoLive(page, `./?view=${view}&lang=lo`);
    await expect(page.locator(LIVE_MAIN)).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "lo");
    // Wait for the view's content, not only its frame.
    await expect.poll(async () => (await letters(page, LIVE_MAIN))?.lao ?? 0).toBeGreaterThan(200);
    const counted = await letters(page, LIVE_MAIN);
    expect(counted.share, `${view}: ${counted.lao} Lao letters, ${counted.latin} Latin`).toBeGreaterThanOrEqual(0.8);
    await page.screenshot({ path: `${shots}/${view}-lo-${info.project.name}.png`, fullPage: view !== "timeline" });
  });
}

test("the timeline list reads in Lao", async ({ page }) => {
  await gotoLive(page, "./?view=timeline&lang=lo");
  await page.getByRole("button", { name: "ລາຍການ" }).click();
  await expect(page.locator(".iom-tl-list li").first()).toBeVisible();
  const counted = await letters(page, LIVE_MAIN);
  expect(counted.share, `${counted.lao} Lao letters, ${counted.latin} Latin`).toBeGreaterThanOrEqual(0.8);
});

const ids = [
  ...["themes", "partners", "events", "projects", "people", "frameworks", "notes", "sources"].flatMap((key) =>
    snapshot[key].map((item) => item.id),
  ),
  ...snapshot.provinces.map((p) => p.code),
];

test("every item's details panel reads in Lao", async ({ page }, info) => {
  test.skip(info.project.name !== "desktop", "one pass over every item is enough");
  test.setTimeout(180_000);
  await page.goto("./?view=overview&lang=lo");
  await expect(page.locator(`${LIVE_MAIN} h1`)).toBeVisible();
  const weak = [];
  for (const id of ids) {
    // The app follows history: the same path a visitor's Back button takes, without a reload.
    await page.evaluate((id) => {
      history.pushState(null, "", `?view=overview&lang=lo&item=${encodeURIComponent(id)}`);
      dispatchEvent(new PopStateEvent("popstate"));
    }, id);
    const panel = page.getByRole("dialog");
    await expect(panel).toBeVisible();
    const counted = await letters(page, ".iom-details");
    if (counted.share < 0.6) weak.push(`${id}: ${(counted.share * 100).toFixed(0)}% Lao`);
  }
  expect(weak, `details panels under 60% Lao letters`).toEqual([]);
});

test("an unreviewed translation is marked, and its English original is one click away", async ({ page }) => {
  const event = snapshot.events.find((e) => e.title.lo_status === "unreviewed");
  await gotoLive(page, `./?view=timeline&lang=lo&item=${event.id}`);
  const panel = page.getByRole("dialog");
  await expect(panel.getByRole("heading", { level: 2 })).toContainText(event.title.lo);
  // A word, not an icon: what the eye sees is what a screen reader reads.
  await expect(panel.getByRole("heading", { level: 2 }).locator(".iom-unreviewed")).toHaveText("ຄຳແປ");
  const original = panel.getByText("ຕົ້ນສະບັບພາສາອັງກິດ");
  await expect(panel.getByText(event.summary.en)).toBeHidden();
  await original.click();
  await expect(panel.getByText(event.summary.en)).toBeVisible();
  await expect(panel.locator(".iom-original [lang='en']")).toContainText(event.title.en);

  // Sourced Lao carries no mark.
  const sourced = snapshot.partners.find((p) => p.name.lo_status === "sourced");
  await page.goto(`./?view=partners&lang=lo&item=${sourced.id}`);
  await expect(page.getByRole("dialog").getByRole("heading", { level: 2 })).toHaveText(sourced.name.lo);

  // In English nothing is marked.
  await gotoLive(page, `./?view=timeline&lang=en&item=${event.id}`);
  await expect(page.getByRole("dialog").getByRole("heading", { level: 2 })).toHaveText(event.title.en);
  await expect(page.locator(".iom-unreviewed")).toHaveCount(0);
});

test("About the data gives the Lao coverage in both languages", async ({ page }) => {
  await page.goto("./?view=sources&lang=en");
  await expect(page.getByRole("region", { name: "Content in Lao" })).toContainText(
    /\d+% of the texts have Lao: \d+% as Lao sources publish it, \d+% reviewed translations and \d+% translations not yet reviewed/,
  );
  await page.goto("./?view=sources&lang=lo");
  await expect(page.getByRole("region", { name: "ເນື້ອໃນພາສາລາວ" })).toContainText(/\d+% ຂອງຂໍ້ຄວາມມີພາສາລາວ/);
});

test("search finds Lao names whichever way sara am is written", async ({ page }, info) => {
  const partner = snapshot.partners.find((p) => p.name.lo && /ຳ/.test(p.name.lo));
  const decomposed = partner.name.lo.replaceAll("ຳ", "ໍາ");
  await page.goto("./?view=partners&lang=lo");
  if (info.project.name === "phone") await page.getByRole("button", { name: /^ຕົວກັ່ນຕອງ/ }).click();
  await page.getByRole("searchbox").fill(decomposed);
  await expect(page.locator(".iom-directory").getByText(partner.name.lo, { exact: true }).first()).toBeVisible();
});
