import { expect } from "@playwright/test";

// Opens `url` and waits for the app to have taken over the page: a view prerendered into
// index.html (the list is scripts/copied-views.mjs) is shown as a copy, which does not answer
// input, until the app has drawn it, and beside any other view the copies stay in the page,
// hidden, until then; a test of the live view waits for that. (`E2E_SLOW_START_MS=2000
// playwright test` keeps the copies longer, to find a test that does not.)
export async function gotoLive(page, url) {
  await page.goto(url);
  await takenOver(page);
}

/** Waits for the app to have taken over the page it is on (after a reload, say). */
export async function takenOver(page) {
  await expect(page.locator("#iom-explorer > .iom-prerendered, #iom-explorer > .iom-boot")).toHaveCount(0, { timeout: 15_000 });
}
