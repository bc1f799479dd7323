// Landing on any view, nothing a visitor is reading moves: each view's place is held while its
// code, the map's boundaries or a drawing's width arrive (a view loading holds the viewport's
// height, the map and the network their proportions, the footer its date's line), and a view
// drawn behind its prerendered copy is shown only once drawn. The browser's own layout-shift
// entries (the ones Lighthouse's CLS adds up), from navigation until the view is complete.
import { test, expect } from "@playwright/test";

test.use({ serviceWorkers: "block" });

const DRAWN = {
  overview: "iom-view-ready",
  timeline: "iom-timeline-ready",
  themes: "iom-view-ready",
  map: "iom-view-ready",
  partners: "iom-view-ready",
  sources: "iom-view-ready",
  story: "iom-view-ready",
};
/** What shows that the view has its last piece (a drawing made once its width is read). */
const LAST = { map: ".iom-map-svg", partners: ".iom-network-svg[viewBox]:not([viewBox='0 0 0 0'])" };

for (const [view, mark] of Object.entries(DRAWN)) {
  for (const lang of ["en", "lo"]) {
    test(`landing on the ${view} view in ${lang === "lo" ? "Lao" : "English"}, nothing moves`, async ({ page }) => {
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            const moved = entry.sources.map((source) => {
              const node = source.node;
              const name = node?.nodeType === 1 ? `${node.tagName.toLowerCase()}.${[...node.classList].join(".")}` : "text";
              const at = (rect) => `(${Math.round(rect.x)}, ${Math.round(rect.y)}) ${Math.round(rect.width)}x${Math.round(rect.height)}`;
              return `${name} from ${at(source.previousRect)} to ${at(source.currentRect)}`;
            });
            window.__shifts.push({ value: entry.value, text: `${entry.value.toFixed(4)}: ${moved.join(", ")}` });
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`./?view=${view}&lang=${lang}`);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark);
      if (LAST[view]) await expect(page.locator(LAST[view]).first()).toBeVisible();
      await expect(page.locator(".iom-footer__snapshot")).not.toBeEmpty();
      // Two frames for the last layout's entries to be reported.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      // (Lighthouse calls under 0.1 good; a font arriving can move a glyph by a pixel.)
      const shifts = await page.evaluate(() => window.__shifts);
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      expect(total, shifts.map((shift) => shift.text).join("; ")).toBeLessThan(0.005);
    });
  }
}
