// Bad networks, hostile content and crashes: each ends in a clear message (and a working
// Retry), never a frozen or blank page; offline visits work; nothing in a snapshot runs.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gotoLive, takenOver } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const en = (text) => (typeof text === "string" ? text : text.en);
// The snapshot's date as the English interface writes it ("1 December 2026").
const checkedOn = new Date(`${snapshot.snapshot_date}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const unique = (info, name) => `fault/${name}-${info.project.name}-${info.retry}-${Date.now()}.json`;

test("a response that never finishes is abandoned after 20 seconds, with Retry", async ({ page }, info) => {
  test.setTimeout(60_000);
  await page.goto(`./?snapshot=${unique(info, "never-finishes")}`);
  await expect(page.getByRole("status").filter({ hasText: "Loading" })).toBeVisible();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("did not arrive within 20 seconds", { timeout: 30_000 });
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("a truncated body and a dropped connection say the download failed, and Retry recovers", async ({ page }, info) => {
  await page.goto(`./?snapshot=${unique(info, "truncated")}`);
  await expect(page.getByRole("alert")).toContainText("could not be downloaded");
  await page.goto(`./?snapshot=${unique(info, "goes-away")}`);
  await expect(page.getByRole("alert")).toContainText("could not be downloaded");
  await page.waitForTimeout(2100);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
});

test("an HTML page instead of JSON is named as such", async ({ page }, info) => {
  await page.goto(`./?snapshot=${unique(info, "html")}`);
  await expect(page.getByRole("alert")).toContainText("The server sent text/html; charset=utf-8 instead of a JSON snapshot");
});

test("a 30 MB snapshot is refused from its size", async ({ page }, info) => {
  await page.goto(`./?snapshot=${unique(info, "huge")}`);
  await expect(page.getByRole("alert")).toContainText("is too large (30.0 MB); the limit is 25.0 MB");
});

test("snapshot text renders as text: no script runs and no unsafe link exists", async ({ page }, info) => {
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.goto("./?snapshot=test-data/fixtures/hostile.json&view=themes&item=ev-launch");
  await expect(page.getByRole("dialog").getByRole("heading", { level: 2 })).toHaveText("<script>window.__xss=1</script>Strategy launched");
  await expect(page.getByText('<img src=x onerror="window.__xss=2">', { exact: false })).toBeVisible();
  await page.goto("./?snapshot=test-data/fixtures/hostile.json&view=sources");
  await expect(page.locator(".iom-source-list").getByText('<iframe src="javascript:alert(1)"></iframe>Source')).toBeVisible();
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
  for (const link of await page.locator("a[target=_blank]").all()) {
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  }
  // Nothing the snapshot says becomes an element of its own (the page's own scripts are in its head).
  expect(await page.locator("#iom-explorer").locator("img, iframe, script").count()).toBe(0);
  // A right-to-left override in a name stays inside its own isolated span.
  await page.goto("./?snapshot=test-data/fixtures/hostile.json&view=themes");
  const reversed = page.locator(".iom-tx", { hasText: "evil reversed" }).first();
  expect(await reversed.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
  await page.screenshot({ path: `tests/e2e/artifacts/screenshots/hostile-${info.project.name}.png`, fullPage: true });
});

test("a snapshot with a javascript: link is refused, not shown", async ({ page }) => {
  await page.goto("./?snapshot=test-data/broken/javascript-link.json");
  await expect(page.getByRole("alert")).toContainText('only https: links are allowed, found "javascript:"');
  expect(await page.locator("a[href^='javascript:']").count()).toBe(0);
});

test("the standalone page runs under its Content-Security-Policy with no violation", async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  await page.goto("./?view=map");
  await expect(page.locator(".iom-map-svg")).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  for (const view of ["timeline", "partners", "themes"]) {
    await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: new RegExp(view === "themes" ? "Themes" : view === "timeline" ? "Timeline" : "Partners") }).click();
    await expect(page.locator("main h1")).toBeVisible();
  }
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a panic shows an error panel with Reload, not a frozen page", async ({ page }) => {
  await page.goto("./?view=themes&debug=panic");
  const alert = page.getByRole("alert");
  await expect(alert.getByRole("heading")).toHaveText("Something went wrong in the explorer", { timeout: 10_000 });
  await expect(alert.getByRole("button", { name: "Reload" })).toBeVisible();
  await Promise.all([page.waitForEvent("load"), alert.getByRole("button", { name: "Reload" }).click()]);
});

test.describe("a site policy that refuses WebAssembly", () => {
  test.use({ serviceWorkers: "block" });

  test("is named on the standalone page, not blamed on the connection", async ({ page }) => {
    // A site that serves the page with its own policy, without 'wasm-unsafe-eval' (the page's
    // meta policy still applies too; the browser enforces both).
    await page.route(/\/\?view=timeline$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": "script-src 'self' 'unsafe-inline'" } });
    });
    await page.goto("./?view=timeline");
    const status = page.locator(".iom-boot");
    await expect(status.locator("[data-blocked]:not([lang])")).toBeVisible();
    await expect(status.locator("[data-blocked]:not([lang])")).toContainText("this page's Content-Security-Policy does not allow WebAssembly");
    // The connection message stays hidden, in both languages.
    for (const failed of await status.locator("[data-failed]").all()) await expect(failed).toBeHidden();
  });
});

for (const [kind, what] of [
  ["abort", "an abort, which no panic hook sees"],
  ["oom", "running out of memory"],
]) {
  test(`${what} ends in the error panel, in the page's language, never an endless state`, async ({ page }) => {
    await page.goto(`./?view=timeline&lang=lo&debug=${kind}`);
    const alert = page.getByRole("alert");
    await expect(alert.getByRole("heading")).toHaveText("ມີບາງຢ່າງຜິດພາດໃນເຄື່ອງມື", { timeout: 10_000 });
    await expect(alert.getByRole("button", { name: "ໂຫຼດໃໝ່" })).toBeVisible();
    await expect(page.locator(".iom-explorer:not(.iom-panic)")).toHaveCount(0);
  });
}

test("iframe mode posts only its height message to the parent, with a height", async ({ page }) => {
  // The host page (not the frame: init scripts run in every frame) records what it receives.
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__fromFrame = [];
    addEventListener("message", (event) => {
      if (event.source === document.getElementById("frame")?.contentWindow) window.__fromFrame.push(event.data);
    });
  });
  await page.goto("/host/index.html");
  const frame = page.frameLocator("#frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  const messages = () => page.evaluate(() => window.__fromFrame);
  await expect.poll(async () => (await messages()).length).toBeGreaterThan(0);
  // A taller content (the list instead of the drawing) is reported with a new height.
  const drawn = (await messages()).at(-1).height;
  await frame.getByRole("button", { name: "List" }).click();
  await expect.poll(async () => (await messages()).at(-1).height).toBeGreaterThan(drawn);
  for (const data of await messages()) {
    expect(Object.keys(data).sort()).toEqual(["height", "type"]);
    expect(data.type).toBe("iom-explorer:height");
    // A height of 0 (say, sent before the explorer is measured) collapses the iframe.
    expect(Number.isFinite(data.height) && data.height > 0, `a height message with height ${data.height}`).toBe(true);
  }
});

test("iframe mode listens to no message, so no window can change its state", async ({ page }) => {
  await page.goto("/host/index.html");
  await expect(page.frameLocator("#frame").getByRole("heading", { level: 1 })).toHaveText("Timeline");
  // README, Security. DevTools lists the listeners of the frame's window added from its page's own scripts (the
  // probe proves that the list read is that one).
  const inner = await (await page.locator("#frame").elementHandle()).contentFrame();
  await inner.evaluate(() => addEventListener("iom-probe", () => {}));
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on("Runtime.executionContextCreated", ({ context }) => contexts.push(context));
  await cdp.send("Runtime.enable");
  const { frameTree } = await cdp.send("Page.getFrameTree");
  const { frame: explorer } = frameTree.childFrames.find((child) => child.frame.url.includes("/explorer/index.html?embed=1"));
  const own = contexts.find((context) => context.auxData?.frameId === explorer.id && context.auxData?.isDefault);
  const { result } = await cdp.send("Runtime.evaluate", { expression: "window", contextId: own.id });
  const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
  const types = listeners.map((listener) => listener.type);
  expect(types).toContain("iom-probe");
  expect(types.filter((type) => type === "message" || type === "messageerror")).toEqual([]);
});

test.describe("the parts downloaded on demand", () => {
  test.use({ serviceWorkers: "block" });
  const parts = (requests) => requests.filter((url) => /\/split_[a-z_]+-[0-9a-f]+\.wasm$/.test(url)).map((url) => url.match(/split_([a-z_]+)-/)[1]);

  test("a view's code is downloaded when the view is first shown, the share panel's when it opens", async ({ page }) => {
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    // The live app's links, not the copy's: a click on the copy's link loads a new page.
    await gotoLive(page, "./?view=overview");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
    // The Overview is in the first Wasm file: nothing else is fetched for it.
    expect(parts(requests)).toEqual([]);
    await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Timeline" }).click();
    await expect(page.locator("svg.iom-tl-svg")).toBeVisible();
    expect(parts(requests)).toEqual(["timeline"]);
    await page.getByText("Share and export").click();
    await expect(page.getByRole("button", { name: "Events (CSV)" })).toBeVisible();
    await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Province map" }).click();
    await expect(page.locator("svg.iom-map-svg")).toBeVisible();
    // Back on a view seen before: nothing is downloaded twice.
    await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Timeline" }).click();
    await expect(page.locator("svg.iom-tl-svg")).toBeVisible();
    expect(parts(requests).sort()).toEqual(["share", "timeline", "views"]);
  });

  for (const [view, drawing] of [["timeline", "svg.iom-tl-svg"], ["map", "svg.iom-map-svg"]]) {
    test(`landing on the ${view} view downloads its parts once, after the main Wasm`, async ({ page }) => {
      await gotoLive(page, `./?view=${view}`);
      await expect(page.locator(drawing)).toBeVisible();
      const fetched = await page.evaluate(() =>
        performance.getEntriesByType("resource").map((entry) => ({ file: entry.name.split("/").pop(), start: entry.startTime, end: entry.responseEnd })),
      );
      const main = fetched.filter((entry) => /^iom-lao-explorer-[0-9a-f]+_bg\.wasm$/.test(entry.file));
      const parts = fetched.filter((entry) => /^(split|chunk)_\w+-[0-9a-f]+\.wasm$/.test(entry.file));
      expect(main).toHaveLength(1);
      expect(parts.length).toBeGreaterThan(0);
      // Each file once: nothing downloaded twice, by a preload and again by the loader.
      expect(new Set(parts.map((entry) => entry.file)).size).toBe(parts.length);
      // Requested once the main Wasm is here, so that a slow connection is not shared with it.
      for (const part of parts) expect(part.start).toBeGreaterThanOrEqual(main[0].end);
    });
  }

  test("a broken snapshot's problems are found by the thorough reading, downloaded only then", async ({ page }) => {
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto("./?snapshot=test-data/broken/several-items-after-an-unreadable-one.json");
    const alert = page.getByRole("alert");
    await expect(alert.getByRole("heading")).toHaveText("The strategy data could not be shown");
    // Every problem, each at its place in the file, also after the item that cannot be read.
    await expect(alert).toContainText("$.events[0].title");
    await expect(alert).toContainText("$.events[2].date");
    await expect(alert).toContainText("$.events[3].themes[0]");
    expect(parts(requests)).toEqual(["check"]);
  });

  test("if the thorough reading cannot be downloaded, the first problem found is still named", async ({ page }) => {
    await page.route(/\/split_check-[0-9a-f]+\.wasm$/, (route) => route.abort());
    await page.goto("./?snapshot=test-data/broken/several-items-after-an-unreadable-one.json");
    const alert = page.getByRole("alert");
    await expect(alert.getByRole("heading")).toHaveText("The strategy data could not be shown");
    // The one-pass reading names where it stopped: the line and column of the bad title.
    await expect(alert).toContainText(/invalid type: integer `42`.* at line \d+ column \d+/);
    await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
  });

  test("a view whose code fails to download says so in the visitor's language, and Retry draws it", async ({ page }) => {
    let refuse = true;
    await page.route(/\/split_views-[0-9a-f]+\.wasm$/, (route) => (refuse ? route.abort() : route.continue()));
    await page.goto("./?view=map&lang=lo");
    const alert = page.locator(".iom-view").getByRole("alert");
    await expect(alert).toContainText("ບໍ່ສາມາດດາວໂຫຼດສ່ວນນີ້ຂອງເຄື່ອງມືໄດ້");
    // The rest of the explorer still works: the Overview (in the first Wasm file) opens.
    const views = page.getByRole("navigation", { name: "ມຸມມອງຂອງເຄື່ອງມື" });
    await views.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(snapshot.strategy.title.lo);
    await page.goBack();
    await expect(alert).toBeVisible();
    refuse = false;
    await alert.getByRole("button", { name: "ລອງໃໝ່" }).click();
    await expect(page.locator("svg.iom-map-svg")).toBeVisible();
    // The filters come with the view's code.
    await expect(page.locator(".iom-result-count").first()).toBeVisible();
    await expect(alert).toHaveCount(0);
  });
});

test.describe("offline", () => {
  test("after one visit the explorer reloads offline with its snapshot and date", async ({ page, context }) => {
    await gotoLive(page, "./?view=overview");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker keeps every stylesheet of the (minified) page, so an offline visit is styled.
    const uncached = await page.evaluate(async () => {
      const shell = (await caches.keys()).find((name) => name.startsWith("iom-explorer-shell-"));
      const cached = (await (await caches.open(shell)).keys()).map((request) => request.url);
      return [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => link.href).filter((href) => !cached.includes(href));
    });
    expect(uncached).toEqual([]);
    // The app stores the good snapshot itself; wait until it is there.
    await expect.poll(() => page.evaluate(async () => (await caches.open("iom-explorer-good-snapshots")).keys().then((k) => k.length))).toBeGreaterThan(0);
    await context.setOffline(true);
    await page.reload();
    // The app itself, drawn offline (the copy in the stored page would show the same heading).
    await takenOver(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
    await expect(page.getByText(`Snapshot checked on ${checkedOn}`).first()).toBeVisible();
    // The views whose code downloads on demand were stored too: they open offline.
    await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Province map" }).click();
    await expect(page.locator("svg.iom-map-svg")).toBeVisible();
    await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Timeline" }).click();
    await expect(page.locator("svg.iom-tl-svg")).toBeVisible();
    await context.setOffline(false);
  });

  test("a broken new snapshot never replaces the last good one", async ({ page, context }, info) => {
    const url = `./?snapshot=${unique(info, "turns-bad")}`;
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(async () => (await caches.open("iom-explorer-good-snapshots")).keys().then((k) => k.length))).toBeGreaterThan(0);
    await page.reload();
    await expect(page.getByRole("alert")).toContainText("day 30 does not exist");
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(snapshot.strategy.title));
    await context.setOffline(false);
  });
});

test("a shared link's unknown province or theme and an undecodable search are ignored, the rest applies", async ({ page }) => {
  const total = snapshot.events.length + snapshot.projects.length + snapshot.partners.length;
  await page.goto("./?view=themes&province=LA-ZZ&theme=theme-nowhere&q=%E0%A4");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themes");
  await expect(page.locator(".iom-result-count").first()).toContainText(`Results: ${total} `);
  await expect(page.getByRole("button", { name: /^Remove filter/ })).toHaveCount(0);
  await expect(page).not.toHaveURL(/LA-ZZ|theme-nowhere|q=/);
  // A known province next to an unknown one still applies.
  await page.goto("./?view=themes&province=LA-ZZ,LA-SV");
  const sv = snapshot.provinces.find((p) => p.code === "LA-SV");
  await expect(page.getByRole("button", { name: `Remove filter: ${sv.name.en}` })).toHaveCount(1);
  await expect(page.getByRole("button", { name: /^Remove filter/ })).toHaveCount(1);
});
