// WCAG 2.0/2.1 A and AA rules (axe-core) on every view, in both languages, at desktop and
// phone width (the two Playwright projects), plain, with a filter applied and with a details
// panel open.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const views = ["overview", "story", "themes", "timeline", "map", "partners", "sources"];
const states = {
  plain: "",
  filtered: "&theme=theme-health&province=LA-SV&from=2005",
  details: "&item=theme-border",
};

async function audit(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
}

for (const lang of ["en", "lo"]) {
  for (const view of views) {
    for (const [name, extra] of Object.entries(states)) {
      if (view === "overview" && name === "filtered") continue;
      test(`${view} in ${lang}, ${name}: no WCAG A/AA violations`, async ({ page }) => {
        await page.goto(`./?view=${view}&lang=${lang}${extra}`);
        // The app's view, not the Overview the build drew into the page (checked in first-screen.spec).
        await expect(page.locator(".iom-prerendered")).toHaveCount(0);
        await expect(page.locator("main h1").first()).toBeVisible();
        if (view === "map") await expect(page.locator(".iom-map-svg")).toBeVisible();
        if (name === "details") await expect(page.getByRole("dialog")).toBeVisible();
        expect(await audit(page)).toEqual([]);
      });
    }
  }
}

test("the language choice is remembered without a lang parameter", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "ພາສາລາວ" }).click();
  await page.goto("./?view=themes");
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await page.goto("./?view=themes&lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("Lao text is drawn with the explorer's Lao font, not boxes, and the shipped file is a font", async ({ page }) => {
  await page.goto("./?lang=lo");
  await expect(page.getByRole("heading", { name: "ໂດຍຫຍໍ້" })).toBeVisible();
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.includes("IOM Explorer Noto Sans Lao") && f.status === "loaded").length;
  });
  expect(loaded).toBeGreaterThan(0);
  // The face tries the device's own Noto Sans Lao first (this machine has it): the file the
  // explorer ships for devices without it must load, and cover Lao, on its own.
  const shipped = await page.evaluate(async () => {
    const src = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).find((rule) => rule instanceof CSSFontFaceRule).style.getPropertyValue("src");
    const file = src.match(/url\("?([^")]+)/)[1];
    const face = await new FontFace("shipped only", `url("${file}")`).load();
    document.fonts.add(face);
    return { file, status: face.status, lao: document.fonts.check('16px "shipped only"', "ໂດຍຫຍໍ້") };
  });
  expect(shipped, shipped.file).toEqual({ file: expect.stringMatching(/\.woff2$/), status: "loaded", lao: true });
});

test("the skip link moves focus to the content", async ({ page }) => {
  await page.goto("./?view=themes");
  await expect(page.locator(".iom-prerendered")).toHaveCount(0);
  await expect(page.locator("main h1")).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // Without touching the URL's hash, which in an embed belongs to the host page.
  expect(new URL(page.url()).hash).toBe("");
});
