// The performance benchmark (README, "Performance"): `make bench`.
// Builds nothing itself: run it through `make bench`, which builds the release and the
// synthetic 100x snapshot first. Serves dist/ on 127.0.0.1 and drives Debian's Chromium.
import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { staticHandler } from "./serve.mjs";

const PORT = 8484;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
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
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path.startsWith("/bench/")) return route("/bench/", bench)(req, res);
  if (path.startsWith("/tljs/")) return route("/tljs/", tljs)(req, res);
  if (path.startsWith("/bench-pages/")) return route("/bench-pages/", pages)(req, res);
  return dist(req, res);
});
await new Promise((done) => server.listen(PORT, "127.0.0.1", done));
const origin = `http://127.0.0.1:${PORT}`;

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
console.log(`  first view (${firstView.length} files: HTML, JS, Wasm, CSS, snapshot, boundaries, fonts): ${(firstViewBr / KB).toFixed(1)} KB brotli`);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--enable-precise-memory-info", "--js-flags=--expose-gc"],
});

/** Milliseconds from navigation to `mark`, and to each of the `phases` marks on the way.
 * The page itself tells when the mark is made (a PerformanceObserver installed before any of
 * its scripts): polling for it would run Playwright's injected script on the page's main
 * thread (about 8 ms at its first run) in the middle of the start-up being timed. */
async function timeToMark(url, mark, phases = [], timeout = 120_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  await context.addInitScript((m) => {
    window.__benchMarked = new Promise((done) => {
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().some((entry) => entry.name === m)) {
          observer.disconnect();
          done();
        }
      }).observe({ type: "mark", buffered: true });
    });
  }, mark);
  const page = await context.newPage();
  await page.goto(url);
  try {
    await page.evaluate(
      (timeout) => Promise.race([window.__benchMarked, new Promise((_, fail) => setTimeout(() => fail(new Error("timeout")), timeout))]),
      timeout,
    );
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

/** Filter latency on the timeline, or on the partners view (`partners`: it sets no mark, so
 * the drawing's first node tells that it is drawn). */
async function filterLatency(url, partners = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(url);
  if (partners) await page.waitForSelector(".iom-network-svg .iom-node-wrap", { state: "attached", timeout: 120_000 });
  else await page.waitForFunction(() => performance.getEntriesByName("iom-timeline-ready").length > 0, null, { timeout: 120_000 });
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
  const latency = await filterLatency(set.ours);
  const p50 = percentile(latency.times, 50);
  const p95 = percentile(latency.times, 95);
  console.log(`  filter latency over ${latency.times.length} changes${latency.missed ? ` (${latency.missed} without a DOM change)` : ""}: p50 ${fmt(p50)}, p95 ${fmt(p95)}`);
  // Not a budget of its own: the same 200 changes on the partners view (network and directory).
  const partners = await filterLatency(set.ours.replace("view=timeline", "view=partners"), true);
  console.log(`  partners view, filter latency over ${partners.times.length} changes (no budget): p50 ${fmt(percentile(partners.times, 50))}, p95 ${fmt(percentile(partners.times, 95))}`);
  const memory = await memoryAfterLoad(set.ours);
  const mb = (memory.js + memory.wasm) / (1024 * 1024);
  console.log(`  memory after load: JS heap ${(memory.js / 1048576).toFixed(1)} MB + Wasm ${(memory.wasm / 1048576).toFixed(1)} MB = ${mb.toFixed(1)} MB`);
  results.push({ set, ourTime, theirTime, p95, mb });
}

console.log("\nBudgets:");
budget("first view at most 350 KB brotli", firstViewBr <= 350 * KB, `${(firstViewBr / KB).toFixed(1)} KB`);
for (const { set, ourTime, theirTime, p95, mb } of results) {
  const ratio = ourTime !== null && theirTime !== null ? ourTime / theirTime : ourTime !== null ? 0 : Infinity;
  const ratioText = theirTime === null ? `TimelineJS3 did not finish in 120 s (explorer ${fmt(ourTime)})` : `${ratio.toFixed(2)} (${fmt(ourTime)} / ${fmt(theirTime)})`;
  budget(`${set.name}: time to interactive timeline at most 0.5 x TimelineJS3`, ratio <= 0.5, ratioText);
  budget(`${set.name}: filter latency p95 at most ${set.latencyBudget} ms`, p95 <= set.latencyBudget, fmt(p95));
  if (set.memoryBudget) budget(`${set.name}: memory at most ${set.memoryBudget} MB`, mb <= set.memoryBudget, `${mb.toFixed(1)} MB`);
}
console.log(`\n${verdicts.filter(Boolean).length} passed, ${verdicts.filter((v) => !v).length} failed`);
await browser.close();
server.close();
