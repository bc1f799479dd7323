// The drawings a visitor reads without hovering: titles on the timeline, names on the map,
// none overlapping and none clipped, in both languages, at desktop and phone width.
import { test, expect } from "@playwright/test";
import { gotoLive } from "./live.mjs";

// Every text box (in the drawing's coordinates) and whether any two meet or leave the drawing.
async function boxes(page, svg, selector) {
  return page.evaluate(([svg, selector]) => {
    const root = document.querySelector(svg);
    const width = root.viewBox.baseVal.width || root.getBoundingClientRect().width;
    const list = [...root.querySelectorAll(selector)].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height };
    });
    const clashes = [];
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (a.x < -0.5 || a.right > width + 0.5) clashes.push(`${a.text} is clipped`);
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (a.x < b.right - 0.5 && b.x < a.right - 0.5 && a.y < b.bottom - 0.5 && b.y < a.bottom - 0.5) clashes.push(`${a.text} / ${b.text}`);
      }
    }
    return { count: list.length, clashes };
  }, [svg, selector]);
}

for (const lang of ["en", "lo"]) {
  test(`the timeline writes event titles that do not overlap (${lang})`, async ({ page }, info) => {
    await gotoLive(page, `./?view=timeline&lang=${lang}`);
    await expect(page.locator(".iom-tl-label").first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    const { count, clashes } = await boxes(page, ".iom-tl-frame svg.iom-tl-svg", ".iom-tl-label");
    expect(count).toBeGreaterThanOrEqual(info.project.name === "phone" ? 5 : 12);
    expect(clashes).toEqual([]);
    // A label opens its event, like its marker.
    await page.locator(".iom-tl-label").first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
  });

  test(`the map names the provinces and the neighbours without overlap (${lang})`, async ({ page }, info) => {
    await page.goto(`./?view=map&lang=${lang}`);
    await expect(page.locator(".iom-map-name").first()).toBeVisible();
    const { count, clashes } = await boxes(page, ".iom-map-svg", ".iom-map-name, .iom-map-country");
    const names = await page.locator(".iom-map-name").count();
    expect(names).toBeGreaterThanOrEqual(info.project.name === "phone" ? 12 : 18);
    expect(await page.locator(".iom-map-country").count()).toBe(5);
    expect(await page.locator(".iom-map-capital").count()).toBe(1);
    expect(count).toBe(names + 5);
    expect(clashes).toEqual([]);
  });
}

test("the timeline's key explains every mark", async ({ page }) => {
  await gotoLive(page, "./?view=timeline");
  const key = page.getByRole("region", { name: "Key" });
  for (const text of ["IOM's work: an event", "National, UN or world event", "A project, from start to end", "A project whose end is not recorded", "A date inferred from the sources", "A milestone", "Several items in too little room", "The strategy period, 2022-2026", "The period of a national plan or UN framework"]) {
    await expect(key.getByText(text)).toBeVisible();
  }
});

test("hovering or focusing a province still gives its counts", async ({ page }) => {
  await page.goto("./?view=map");
  const sv = page.getByRole("button", { name: /^Savannakhet \(partners: \d+, events: \d+, projects: \d+\)$/ });
  await sv.focus();
  await expect(page.locator(".iom-map-hover")).toHaveText(/^Savannakhet \(partners: \d+, events: \d+, projects: \d+\)$/);
});
