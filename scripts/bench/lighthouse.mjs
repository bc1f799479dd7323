// Lighthouse 12.2.3 (npm `lighthouse`, pinned: 13 needs Node 22), its default mobile audit
// (simulated throttling), on Debian's Chromium, for the benchmark's mobile profile.
import { execFile } from "node:child_process";
import { resolve } from "node:path";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
  + "--disable-background-networking --disable-component-update --disable-sync";

/** The four category scores (0 to 100) of one audit of `url`, or an error text. */
export function lighthouseScores(url) {
  const bin = resolve("node_modules/.bin/lighthouse");
  const args = [url, "--output=json", "--output-path=stdout", "--quiet", `--only-categories=${CATEGORIES.join(",")}`,
    `--chrome-flags=${CHROME_FLAGS}`];
  return new Promise((done) => {
    execFile(bin, args, { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error && !stdout) return done({ error: error.message.split("\n")[0] });
      try {
        const report = JSON.parse(stdout);
        if (report.runtimeError) return done({ error: report.runtimeError.message });
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]));
        const metric = (id) => report.audits[id]?.numericValue;
        done({ scores, fcp: metric("first-contentful-paint"), lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time") });
      } catch (parseError) {
        done({ error: `unreadable report: ${parseError.message}` });
      }
    });
  });
}
