// The benchmark's mobile profile (README, "Performance"): Lighthouse's mobile throttling
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x) applied through the Chrome
// DevTools Protocol to a phone-sized page, for the explorer's first views and for TimelineJS3
// drawing the same events, both served brotli-compressed by the same server, alternating.
import { markMade, watchForMark } from "./marks.mjs";

/** Lighthouse 12's mobile profile (its `constants.js`: `throttling.mobileSlow4G`, `screenEmulationMetrics.mobile`). */
export const MOBILE = {
  latencyMs: 150,
  downloadBitsPerSecond: 1.6 * 1024 * 1024,
  uploadBitsPerSecond: 750 * 1024,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
};

/** One cold visit under the mobile profile: milliseconds from navigation to first contentful
 * paint, to the largest contentful paint and to `readyMark` (the view answering input), the
 * blocking time until then, and the bytes that crossed the network (compressed, headers
 * included). Null if the mark never came. */
export async function mobileVisit(browser, url, readyMark, timeout = 120_000) {
  const context = await browser.newContext({
    viewport: MOBILE.viewport,
    deviceScaleFactor: MOBILE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: "block",
  });
  await context.addInitScript(() => {
    window.__bench = { fcp: null, lcp: null, tasks: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") window.__bench.fcp = entry.startTime;
    }).observe({ type: "paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await watchForMark(context, readyMark);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: MOBILE.latencyMs,
    downloadThroughput: MOBILE.downloadBitsPerSecond / 8,
    uploadThroughput: MOBILE.uploadBitsPerSecond / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: MOBILE.cpuSlowdown });
  const wire = new Map();
  cdp.on("Network.loadingFinished", (event) => wire.set(event.requestId, event.encodedDataLength));
  try {
    await page.goto(url, { waitUntil: "commit", timeout });
    await markMade(page, timeout);
    // The largest paint may come with the frame after the mark.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
    const { tasks, ...found } = await page.evaluate((mark) => ({ ...window.__bench, ready: performance.getEntriesByName(mark)[0].startTime }), readyMark);
    const bytes = [...wire.values()].reduce((sum, n) => sum + n, 0);
    // Lighthouse's total blocking time, measured: what the long tasks between the first paint
    // and the view answering held input back, each beyond 50 ms.
    const blocking = tasks
      .filter(([start]) => start >= (found.fcp ?? 0) && start < found.ready)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return { ...found, bytes, blocking };
  } catch {
    return null;
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Medians over `runs` alternating cold visits of each page in `pages` ({ name, url, mark }). */
export async function mobileTable(browser, pages, runs) {
  const visits = new Map(pages.map((p) => [p.name, []]));
  // One visit of each first, not counted: the server compresses each file on its first request.
  for (const p of pages) await mobileVisit(browser, p.url, p.mark);
  for (let run = 0; run < runs; run++) {
    for (const p of pages) visits.get(p.name).push(await mobileVisit(browser, p.url, p.mark));
  }
  const rows = new Map();
  for (const p of pages) {
    const done = visits.get(p.name).filter(Boolean);
    rows.set(
      p.name,
      done.length === 0
        ? null
        : {
            fcp: median(done.map((v) => v.fcp ?? NaN)),
            lcp: median(done.map((v) => v.lcp ?? NaN)),
            ready: median(done.map((v) => v.ready)),
            bytes: median(done.map((v) => v.bytes)),
            blocking: median(done.map((v) => v.blocking)),
            finished: done.length,
          },
    );
  }
  return rows;
}
