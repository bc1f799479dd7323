// The story, as a keyboard user and a screen reader user walk it: the step lives in the URL,
// the arrow keys move while focus is in the story, each new step is announced, Back returns.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gotoLive } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const story = snapshot.story;
const byId = new Map([...snapshot.events, ...snapshot.projects].map((item) => [item.id, item]));
const title = (i, lang = "en") => {
  const t = byId.get(story[i].item).title;
  return typeof t === "string" ? t : lang === "lo" && t.lo ? t.lo : t.en;
};
const shots = "tests/e2e/artifacts/screenshots";

async function tabInto(page, selector) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => !!document.activeElement?.closest(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("the story is walked by keyboard only, step by step, with the step in the URL", async ({ page }) => {
  await page.goto("./?view=story");
  const step = page.locator(".iom-story__step");
  await expect(step.getByRole("heading", { level: 2 })).toContainText(title(0));
  await expect(page.locator(".iom-story__counter")).toHaveText(`Step 1 / ${story.length}`);
  await tabInto(page, ".iom-story");
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/view=story&step=2/);
  await expect(step.getByRole("heading", { level: 2 })).toContainText(title(1));
  // Announced once, politely, with its place in the story.
  await expect(page.locator(".iom-story [aria-live=polite]")).toContainText(`Step 2 of ${story.length}: ${title(1)}`);
  await page.keyboard.press("End");
  await expect(page).toHaveURL(new RegExp(`step=${story.length}$`));
  await expect(step.getByRole("heading", { level: 2 })).toContainText(title(story.length - 1));
  await expect(page.getByRole("button", { name: /Next/ })).toBeDisabled();
  await page.keyboard.press("Home");
  await expect(page).toHaveURL(/step=1$/);
  await expect(page.getByRole("button", { name: /Previous/ })).toBeDisabled();
  // Next by keyboard keeps focus on Next, so Enter can be pressed again.
  const next = page.getByRole("button", { name: /Next/ });
  await next.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/step=3$/);
  await expect(next).toBeFocused();
  // Back and Forward move between steps.
  await page.goBack();
  await expect(page).toHaveURL(/step=2$/);
  await expect(step.getByRole("heading", { level: 2 })).toContainText(title(1));
  await page.goForward();
  await expect(step.getByRole("heading", { level: 2 })).toContainText(title(2));
});

test("the strip has a button per step, the current one marked, and clicking one goes there", async ({ page }, info) => {
  await page.goto("./?view=story&step=5");
  const strip = page.getByRole("navigation", { name: "Steps of the story, 2001-2026" });
  await expect(strip.getByRole("button")).toHaveCount(story.length);
  await expect(strip.locator("[aria-current=step]")).toHaveCount(1);
  await strip.getByRole("button").nth(9).click();
  await expect(page).toHaveURL(/step=10$/);
  await expect(page.locator(".iom-story__step h2")).toContainText(title(9));
  await page.screenshot({ path: `${shots}/story-en-${info.project.name}.png`, fullPage: true });
});

test("the story reads in Lao, with a Lao counter, and fits a phone", async ({ page }, info) => {
  await page.goto("./?view=story&step=3&lang=lo");
  await expect(page.locator(".iom-story__counter")).toHaveText(`ຂັ້ນທີ 3 / ${story.length}`);
  await expect(page.locator(".iom-story__step h2")).toContainText(title(2, "lo"));
  await expect(page.locator(".iom-story__step .iom-story-step__text")).toContainText(story[2].narrative.lo.slice(0, 20));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${shots}/story-lo-${info.project.name}.png`, fullPage: true });
});

test("a step's links go into the other views", async ({ page }) => {
  const i = story.findIndex((s) => (byId.get(s.item).provinces ?? []).length > 0);
  const province = snapshot.provinces.find((p) => p.code === byId.get(story[i].item).provinces[0]);
  await page.goto(`./?view=story&step=${i + 1}`);
  await page.locator(".iom-story__step").getByRole("link", { name: province.name.en, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`view=map.*province=${province.code}`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`view=story&step=${i + 1}`));
});

test("the Overview starts the story, and printing gives every step", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("link", { name: new RegExp(`Start the story: 25 years in ${story.length} steps`) }).click();
  await expect(page).toHaveURL(/view=story/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".iom-print-only .iom-story-step")).toHaveCount(story.length);
  await expect(page.locator(".iom-story__nav")).toBeHidden();
});

test("the story embeds, and the snippet generator offers it", async ({ page }) => {
  await page.goto("./?view=story&step=4&embed=1");
  await expect(page.locator(".iom-story__step h2")).toContainText(title(3));
  await gotoLive(page, "./?view=story&step=4");
  await page.getByText("Share and export").click();
  await page.getByRole("button", { name: "Embed" }).click();
  const dialog = page.getByRole("dialog", { name: "Embed this view in another page" });
  expect(await dialog.getByRole("textbox", { name: /With the script loader/ }).inputValue()).toContain('data-view="story"');
  expect(await dialog.getByRole("textbox", { name: /As an iframe/ }).inputValue()).toContain("view=story");
});

test("a CMS page tells the story in a script embed and an iframe, and the host keeps its URL", async ({ page }) => {
  await page.goto("/host/story.html");
  const embed = page.locator("#story");
  await expect(embed.getByRole("heading", { level: 1 })).toHaveText("IOM ໃນ ສປປ ລາວ, 2001-2026, ເທື່ອລະຂັ້ນ");
  await embed.getByRole("button", { name: /ຕໍ່ໄປ/ }).click();
  await expect(embed.locator(".iom-story__counter")).toHaveText(`ຂັ້ນທີ 2 / ${story.length}`);
  await expect(page).toHaveURL(/\/host\/story\.html$/);
  const frame = page.frameLocator("#frame");
  await expect(frame.locator(".iom-story__step h2")).toContainText(title(1));
});
