// Script embeds as a real CMS page has them: loaded from another site (CORS), under a policy
// that allows scripts and styles by nonce only, in awkward elements (a table cell, an image),
// added after the page has loaded, and on a page that has an element with the standalone
// page's id. Each explorer mounts on its own; none touches the host document.
import { test, expect } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8181);
const otherSite = `http://127.0.0.1:${port + 1}`;

test("from another site under a nonce-only policy, every element mounts on its own, later ones too", async ({ page }) => {
  test.setTimeout(60_000);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const failed = [];
  page.on("requestfailed", (request) => failed.push(request.url()));
  await page.goto(`${otherSite}/host/cross-origin.html`);
  const first = page.locator("#first");
  await expect(first.locator(".iom-explorer")).toHaveAttribute("lang", "lo");
  await expect(first.getByRole("heading", { level: 1 })).toBeVisible();
  // A table cell cannot hold a shadow root itself: the explorer is in a <div> inside it.
  await expect(page.locator("#cell").getByRole("heading", { level: 1 })).toHaveText("About the data");
  // Added by the page 1.5 s after load.
  await expect(page.locator("#late").getByRole("heading", { level: 1 })).toHaveText("Timeline");
  // An image cannot show an explorer: its own place says so.
  await expect(page.locator("#picture + [role=alert]")).toHaveText("The explorer cannot be placed in a <img> element; use a <div>.");
  // The explorer's styles applied (they need the page's nonce) and its Lao webfont loaded.
  await expect(first.locator(".iom-explorer")).not.toHaveCSS("font-family", /^serif$/);
  await expect.poll(() => page.evaluate(() => [...document.fonts].filter((face) => face.family.includes("IOM Explorer")).map((face) => face.status))).toContain("loaded");
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(failed).toEqual([]);
});

test("an embed leaves the host document alone, even with an element that has the standalone page's id", async ({ page }) => {
  await page.goto(`${otherSite}/host/cross-origin.html`);
  await expect(page.locator("#first").getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("#late").getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("A host page on another site");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator("p#iom-explorer")).toHaveText("A paragraph that happens to have the standalone page's id.");
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  // Nothing was added to the host's head (the webfont is in document.fonts, not a <link>).
  expect(await page.evaluate(() => [...document.head.children].map((element) => element.localName))).toEqual(["meta", "title", "link", "style"]);
});

test("a host policy without 'wasm-unsafe-eval' is named, not blamed on the connection", async ({ page }) => {
  await page.goto(`${otherSite}/host/no-wasm.html`);
  const status = page.locator("#explorer").getByRole("status");
  await expect(status).toContainText("this page's Content-Security-Policy does not allow WebAssembly");
  await expect(status).toContainText("'wasm-unsafe-eval'");
  await expect(status).not.toContainText("connection");
});
