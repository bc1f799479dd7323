// The performance benchmark (README, "Performance"): `make bench`.
// Builds nothing itself: run it through `make bench`, which builds the release and the
// synthetic 100x snapshot first. Serves dist/ on 127.0.0.1 and drives Debian's Chromium.
import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { staticHandler } from "./serve.mjs";
import { brotliHandler } from "./bench/brotli-server.mjs";
import { lighthouseScores } from "./bench/lighthouse.mjs";
import { markMade, watchForMark } from "./bench/marks.mjs";
import { MOBILE, mobileTable } from "./bench/mobile.mjs";
import { functionSizes } from "./bench/wasm-functions.mjs";

const PORT = 8484;
// The same files, brotli-compressed, for the mobile profile.
const BROTLI_PORT = 8485;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MOBILE_RUNS = Number(process.env.BENCH_MOBILE_RUNS ?? 3);
// BENCH_LIGHTHOUSE=0 leaves Lighthouse out (it takes about 20 s per audit).
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
const FILTER_CHANGES = 200;
const SYNTHETIC = "target/bench/synthetic-100x.json";
const KB = 1024;

const dist = staticHandler(resolve("dist"));
const bench = staticHandler(resolve("target/bench"));
const tljs = staticHandler(resolve("node_modules/@knight-lab/timelinejs/dist"));
const pages = staticHandler(resolve("scripts/bench"));
const route = (prefix, handler) => (req, res) => {
  req.url = "/" + req.url.slice(prefix.length);
  return handler(req, res);
};
const everything = (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path.startsWith("/bench/")) return route("/bench/", bench)(req, res);
  if (path.startsWith("/tljs/")) return route("/tljs/", tljs)(req, res);
  if (path.startsWith("/bench-pages/")) return route("/bench-pages/", pages)(req, res);
  return dist(req, res);
};
const server = createServer(everything);
await new Promise((done) => server.listen(PORT, "127.0.0.1", done));
const origin = `http://127.0.0.1:${PORT}`;
const brotliServer = createServer(brotliHandler(everything));
await new Promise((done) => brotliServer.listen(BROTLI_PORT, "127.0.0.1", done));
const brotliOrigin = `http://127.0.0.1:${BROTLI_PORT}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const verdicts = [];
const budget = (label, ok, detail) => {
  verdicts.push(ok);
  console.log(`  ${ok ? "PASS" : "FAIL"}  ${label}: ${detail}`);
};

// 1. Bytes of every shipped asset, raw and brotli.
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk("dist");
const sizes = new Map();
console.log("\nShipped assets (raw / brotli):");
for (const file of files.sort()) {
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const name = relative("dist", file);
  sizes.set(name, { raw: raw.length, br });
  console.log(`  ${name.padEnd(48)} ${(raw.length / KB).toFixed(1).padStart(8)} KB ${(br / KB).toFixed(1).padStart(8)} KB`);
}
const firstView = [...sizes.entries()].filter(([name]) =>
  /^(index\.html|sw\.js|favicon-.*|iom-lao-explorer-.*\.(js|wasm)|(page|main|svg|print|fonts)-.*\.css|data\/(strategy\.json|lao-provinces\.geojson)|fonts\/.*\.woff2)$/.test(name),
);
const firstViewBr = firstView.reduce((sum, [, s]) => sum + s.br, 0);
// The first Wasm file only: the other views' parts (split_*, chunk_*) download when shown, so
// this is the Overview's first view; the mobile profile below counts each first view's bytes.
console.log(`  first view, Overview (${firstView.length} files: HTML, JS, Wasm, CSS, snapshot, boundaries, fonts): ${(firstViewBr / KB).toFixed(1)} KB brotli`);

// The largest function of each of the explorer's Wasm files (scripts/bench/wasm-functions.mjs
// says why). The checker's part is left out of the budget: it loads only for a broken snapshot.
const FUNCTION_BUDGET = 40 * KB;
console.log("\nLargest function in each of the explorer's Wasm files:");
let largestFunction = { name: "", bytes: 0 };
for (const [name] of sizes) {
  if (!name.endsWith(".wasm") || name.startsWith("editor-")) continue;
  const largest = Math.max(0, ...functionSizes(readFileSync(join("dist", name))));
  const counted = !name.startsWith("split_check-");
  console.log(`  ${name.padEnd(48)} ${(largest / KB).toFixed(1).padStart(8)} KB${counted ? "" : "  (broken snapshots only; no budget)"}`);
  if (counted && largest > largestFunction.bytes) largestFunction = { name, bytes: largest };
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--enable-precise-memory-info", "--js-flags=--expose-gc"],
});

/** Milliseconds from navigation to `mark`, and to each of the `phases` marks on the way. */
async function timeToMark(url, mark, phases = [], timeout = 120_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  await watchForMark(context, mark);
  const page = await context.newPage();
  await page.goto(url);
  try {
    await markMade(page, timeout);
    return await page.evaluate(
      ([m, phases]) => ({
        time: performance.getEntriesByName(m)[0].startTime,
        phases: phases.map((p) => performance.getEntriesByName(p)[0]?.startTime ?? NaN),
      }),
      [mark, phases],
    );
  } catch {
    return null;
  } finally {
    await context.close();
  }
}

// The explorer's start-up, in the order it happens (src/app/perf.rs).
const PHASES = [
  ["iom-wasm-started", "Wasm running"],
  ["iom-snapshot-ready", "snapshot parsed, checked and indexed"],
  ["iom-timeline-ready", "timeline drawn"],
];

/** What tells that a view is drawn and answers input, besides the explorer's `iom-view-ready`. */
const DRAWN = {
  timeline: (page) => page.waitForFunction(() => performance.getEntriesByName("iom-timeline-ready").length > 0, null, { timeout: 120_000 }),
  // Neither sets a mark of its own: their drawing's first node tells.
  partners: (page) => page.waitForSelector(".iom-network-svg .iom-node-wrap", { state: "attached", timeout: 120_000 }),
  map: (page) => page.waitForSelector(".iom-map-svg path", { state: "attached", timeout: 120_000 }),
  themes: () => Promise.resolve(),
};
/** The views that have the filters. */
const FILTERED_VIEWS = Object.keys(DRAWN);

/** Filter latency on one view: input event to DOM updated, over 200 search changes. */
async function filterLatency(url, view) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("iom-view-ready").length > 0, null, { timeout: 120_000 });
  await DRAWN[view](page);
  const words = ["m", "mi", "mig", "migr", "migra", "", "j", "ja", "jap", "japan", "", "t", "tb", "", "h", "he", "hea", "heal", "health", "",
    "b", "bo", "bor", "bord", "border", "", "s", "sa", "sav", "savan", ""];
  const queries = Array.from({ length: FILTER_CHANGES }, (_, i) => words[i % words.length]);
  const times = await page.evaluate(async (queries) => {
    const input = document.querySelector("input[type=search]");
    const main = document.querySelector("main");
    const out = [];
    for (const query of queries) {
      const updated = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 2000);
      });
      const start = performance.now();
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const end = await updated;
      out.push(end === null ? null : end - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, queries);
  const memory = await page.evaluate(async () => {
    window.gc?.();
    await new Promise((r) => setTimeout(r, 200));
    const wasm = window.__wasmMemoryBytes?.() ?? 0;
    return { js: performance.memory.usedJSHeapSize, wasm };
  });
  await context.close();
  return { times: times.filter((t) => t !== null), missed: times.filter((t) => t === null).length, memory };
}

async function memoryAfterLoad(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  await context.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (event) => {
      const memory = event.detail.wasm.memory;
      window.__wasmMemoryBytes = () => memory.buffer.byteLength;
    });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("iom-timeline-ready").length > 0, null, { timeout: 120_000 });
  const memory = await page.evaluate(async () => {
    window.gc?.();
    await new Promise((r) => setTimeout(r, 300));
    return { js: performance.memory.usedJSHeapSize, wasm: window.__wasmMemoryBytes?.() ?? 0 };
  });
  await context.close();
  return memory;
}

const datasets = [
  { name: "real snapshot", ours: `${origin}/?view=timeline`, theirs: `${origin}/bench-pages/timelinejs.html?snapshot=/data/strategy.json`, latencyBudget: 4, memoryBudget: null },
  { name: "synthetic 100x", ours: `${origin}/?view=timeline&snapshot=bench/synthetic-100x.json`, theirs: `${origin}/bench-pages/timelinejs.html?snapshot=/bench/synthetic-100x.json`, latencyBudget: 16, memoryBudget: 60 },
];
try {
  statSync(SYNTHETIC);
} catch {
  throw new Error(`${SYNTHETIC} is missing: run \`make bench\` (it runs snapshot-synth first)`);
}

const results = [];
for (const set of datasets) {
  console.log(`\n${set.name}:`);
  const ours = [];
  const theirs = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(await timeToMark(set.ours, "iom-timeline-ready", PHASES.map(([mark]) => mark)));
    theirs.push(await timeToMark(set.theirs, "tljs-ready"));
  }
  const oursDone = ours.filter((t) => t !== null).map((t) => t.time);
  const theirsDone = theirs.filter((t) => t !== null).map((t) => t.time);
  const phases = PHASES.map(([, label], i) => `${label} ${fmt(median(ours.filter((t) => t !== null).map((t) => t.phases[i])))}`);
  const ourTime = oursDone.length ? median(oursDone) : null;
  const theirTime = theirsDone.length ? median(theirsDone) : null;
  console.log(`  time to an interactive timeline, median of ${RUNS}: explorer ${ourTime === null ? "did not finish" : fmt(ourTime)}, TimelineJS3 ${theirTime === null ? "did not finish in 120 s" : fmt(theirTime)}`);
  if (oursDone.length) console.log(`  explorer start-up, medians from navigation: ${phases.join(", ")}`);
  const latencies = {};
  for (const view of FILTERED_VIEWS) {
    const latency = await filterLatency(set.ours.replace("view=timeline", `view=${view}`), view);
    const p50 = percentile(latency.times, 50);
    const p95 = percentile(latency.times, 95);
    latencies[view] = p95;
    console.log(`  ${view}: filter latency over ${latency.times.length} changes${latency.missed ? ` (${latency.missed} without a DOM change)` : ""}: p50 ${fmt(p50)}, p95 ${fmt(p95)}`);
  }
  const memory = await memoryAfterLoad(set.ours);
  const mb = (memory.js + memory.wasm) / (1024 * 1024);
  console.log(`  memory after load: JS heap ${(memory.js / 1048576).toFixed(1)} MB + Wasm ${(memory.wasm / 1048576).toFixed(1)} MB = ${mb.toFixed(1)} MB`);
  results.push({ set, ourTime, theirTime, latencies, mb });
}

// 3. The mobile profile: the explorer's first views and TimelineJS3, brotli, throttled.
console.log(`\nMobile profile (${MOBILE.latencyMs} ms round trip, ${(MOBILE.downloadBitsPerSecond / 1048576).toFixed(1)} Mbit/s down, `
  + `${MOBILE.uploadBitsPerSecond / 1024} kbit/s up, CPU slowed ${MOBILE.cpuSlowdown}x, ${MOBILE.viewport.width}x${MOBILE.viewport.height} phone), `
  + `served brotli-compressed, median of ${MOBILE_RUNS} cold visits, alternating:`);
const theirsMobile = { name: "TimelineJS3 (timeline)", url: `${brotliOrigin}/bench-pages/timelinejs.html?snapshot=/data/strategy.json`, mark: "tljs-ready" };
const oursMobile = [
  { name: "explorer, Overview first", url: `${brotliOrigin}/?view=overview`, mark: "iom-view-ready" },
  { name: "explorer, Timeline first", url: `${brotliOrigin}/?view=timeline`, mark: "iom-timeline-ready", timeline: true },
];
const mobile = await mobileTable(browser, [...oursMobile, theirsMobile], MOBILE_RUNS);
const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "n/a");
console.log(`  ${"".padEnd(28)} ${"interactive".padStart(12)} ${"first paint".padStart(12)} ${"largest paint".padStart(14)} ${"on the wire".padStart(12)} ${"blocking".padStart(9)}`);
for (const [name, row] of mobile) {
  if (!row) console.log(`  ${name.padEnd(28)} did not finish in 120 s`);
  else console.log(`  ${name.padEnd(28)} ${seconds(row.ready).padStart(12)} ${seconds(row.fcp).padStart(12)} ${seconds(row.lcp).padStart(14)} ${`${(row.bytes / KB).toFixed(1)} KB`.padStart(12)} ${`${Math.round(row.blocking)} ms`.padStart(9)}`);
}
console.log("  (blocking: the long tasks between the first paint and the view answering, each beyond 50 ms, as Lighthouse's total blocking time)");
const lighthouse = [];
if (LIGHTHOUSE) {
  console.log("\nLighthouse 12 (default mobile audit, simulated throttling), performance / accessibility / best practices / SEO:");
  const audits = [];
  for (const view of ["overview", "timeline", "map", "themes"]) for (const lang of ["en", "lo"]) audits.push({ name: `${view}, ${lang}`, url: `${brotliOrigin}/?view=${view}&lang=${lang}` });
  for (const audit of [...audits, { name: "TimelineJS3 (no budget)", url: theirsMobile.url, baseline: true }]) {
    const result = await lighthouseScores(audit.url);
    if (result.error) console.log(`  ${audit.name.padEnd(24)} failed: ${result.error}`);
    else {
      const s = result.scores;
      console.log(`  ${audit.name.padEnd(24)} ${s.performance} / ${s.accessibility} / ${s["best-practices"]} / ${s.seo}  (FCP ${seconds(result.fcp)}, LCP ${seconds(result.lcp)}, TBT ${Math.round(result.tbt)} ms)`);
    }
    if (!audit.baseline) lighthouse.push({ ...audit, result });
  }
}

console.log("\nBudgets:");
budget("first view (Overview) at most 350 KB brotli", firstViewBr <= 350 * KB, `${(firstViewBr / KB).toFixed(1)} KB`);
budget(`largest Wasm function the views run at most ${FUNCTION_BUDGET / KB} KB`, largestFunction.bytes <= FUNCTION_BUDGET,
  `${(largestFunction.bytes / KB).toFixed(1)} KB in ${largestFunction.name}`);
for (const { set, ourTime, theirTime, latencies, mb } of results) {
  const ratio = ourTime !== null && theirTime !== null ? ourTime / theirTime : ourTime !== null ? 0 : Infinity;
  const ratioText = theirTime === null ? `TimelineJS3 did not finish in 120 s (explorer ${fmt(ourTime)})` : `${ratio.toFixed(2)} (${fmt(ourTime)} / ${fmt(theirTime)})`;
  budget(`${set.name}: time to interactive timeline at most 0.5 x TimelineJS3`, ratio <= 0.5, ratioText);
  for (const [view, p95] of Object.entries(latencies)) {
    budget(`${set.name}: ${view}: filter latency p95 at most ${set.latencyBudget} ms`, p95 <= set.latencyBudget, fmt(p95));
  }
  if (set.memoryBudget) budget(`${set.name}: memory at most ${set.memoryBudget} MB`, mb <= set.memoryBudget, `${mb.toFixed(1)} MB`);
}
const theirs = mobile.get(theirsMobile.name);
for (const page of oursMobile) {
  const ours = mobile.get(page.name);
  const label = `mobile: ${page.name}`;
  if (!ours || !theirs) {
    budget(`${label}: measured`, false, !ours ? "the explorer did not finish" : "TimelineJS3 did not finish");
    continue;
  }
  budget(`${label}: at most 150 KB on the wire`, ours.bytes <= 150 * KB, `${(ours.bytes / KB).toFixed(1)} KB`);
  budget(`${label}: largest contentful paint at most 0.5 x TimelineJS3`, ours.lcp / theirs.lcp <= 0.5,
    `${(ours.lcp / theirs.lcp).toFixed(2)} (${seconds(ours.lcp)} / ${seconds(theirs.lcp)})`);
  if (page.timeline) {
    budget(`${label}: timeline interactive at most 0.75 x TimelineJS3`, ours.ready / theirs.ready <= 0.75,
      `${(ours.ready / theirs.ready).toFixed(2)} (${seconds(ours.ready)} / ${seconds(theirs.ready)})`);
  }
}
for (const { name, result } of lighthouse) {
  const s = result.scores;
  const ok = s && s.performance >= 95 && s.accessibility === 100 && s["best-practices"] === 100 && s.seo >= 95;
  budget(`Lighthouse ${name}: performance at least 95, accessibility and best practices 100, SEO at least 95`, Boolean(ok),
    s ? `${s.performance} / ${s.accessibility} / ${s["best-practices"]} / ${s.seo}` : result.error);
}
console.log(`\n${verdicts.filter(Boolean).length} passed, ${verdicts.filter((v) => !v).length} failed`);
await browser.close();
server.close();
brotliServer.close();
