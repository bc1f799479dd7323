// The browser tests' server: the release build (dist/) at /, the snapshot corpus at
// /test-data/, and endpoints that misbehave on purpose at /fault/. Loopback only.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { staticHandler } from "../../scripts/serve.mjs";
import { makeBuilds } from "./deploys.mjs";

const port = Number(process.env.E2E_PORT ?? 8181);
// A second origin, for host pages that load the explorer from another site (the usual CMS case).
const otherPort = port + 1;
const explorerOrigin = `http://127.0.0.1:${port}`;
const dist = staticHandler(resolve("dist"));
// What the README's Embedding section asks of a site that serves the explorer to other sites.
const distForOtherSites = staticHandler(resolve("dist"), { "access-control-allow-origin": "*" });
const corpus = staticHandler(resolve("tests"));
const host = staticHandler(resolve("tests/e2e/host"));
// The built explorer also lives under a CMS-like sub-path, to prove it works from there.
const SUB_PATH = "/sites/default/files/explorer/";
const good = readFileSync(resolve("public/data/strategy.json"));
const slowStart = Number(process.env.E2E_SLOW_START_MS ?? 0);
const attempts = new Map();
const firstSeen = new Map();

const html = "<!doctype html><title>Sign in</title><p>Please sign in.</p>";
const broken = readFileSync(resolve("tests/broken/impossible-date.json"));

const faults = {
  // Headers and a first chunk, then nothing: the explorer must give up and offer Retry.
  "/fault/never-finishes": (req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": String(good.length) });
    res.write(good.subarray(0, 100));
  },
  // Half the promised body, then the connection drops.
  "/fault/truncated": (req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": String(good.length) });
    res.write(good.subarray(0, Math.floor(good.length / 2)), () => req.socket.destroy());
  },
  // A sign-in page served with status 200, as some hosts do.
  "/fault/html": (req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  },
  // 30 MB: refused from its Content-Length, before the tab has to hold it.
  "/fault/huge": (req, res) => {
    const size = 30 * 1024 * 1024;
    res.writeHead(200, { "content-type": "application/json", "content-length": String(size) });
    res.end(Buffer.alloc(size, 32));
  },
  // The server goes away (connections reset) for two seconds after the first request, then
  // comes back. (Browsers retry a reset request once by themselves, so one reset is not enough.)
  "/fault/goes-away": (req, res, count, key) => {
    const since = Date.now() - (firstSeen.get(key) ?? Date.now());
    if (since < 2000) return req.socket.destroy();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(good);
  },
  // A good snapshot first, a broken one on every later request.
  "/fault/turns-bad": (req, res, count) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(count === 1 ? good : broken);
  },
  // A good snapshot labelled as plain text: an uploaded .txt file is not a snapshot.
  "/fault/plain-text": (req, res) => {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    res.end(good);
  },
  // A redirect to another site (the second origin), which serves a good snapshot to anyone
  // (CORS), as an open redirect could.
  "/fault/redirect-off-site": (req, res) => {
    res.writeHead(302, { location: `http://127.0.0.1:${otherPort}/cors/strategy.json` });
    res.end();
  },
  // 30 MB with no Content-Length (chunked): stopped while it arrives, at the limit.
  "/fault/chunked-huge": (req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(1024 * 1024, 32);
    let sent = 0;
    const more = () => {
      while (sent < 30) {
        sent += 1;
        if (!res.write(chunk)) return res.once("drain", more);
      }
      res.end();
    };
    res.on("error", () => {});
    more();
  },
  // 500 on the first request for each name (/fault/fails-once-NAME.json), then the real
  // snapshot, so Retry can be tested by parallel test runs independently.
  "/fault/fails-once": (req, res, count) => {
    if (count === 1) {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("boom");
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(good);
  },
};

// Builds A, A2 (A with changed boundaries) and B (A with a changed stylesheet) of the explorer,
// each site under /deploy/<site>/ serving the build it was last switched to.
const builds = makeBuilds(resolve("dist"));
const deployed = new Map();

createServer((req, res) => {
  const { pathname, searchParams } = new URL(req.url, "http://127.0.0.1");
  if (pathname === "/__deploy") {
    deployed.set(searchParams.get("site"), searchParams.get("build"));
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify(builds.names));
  }
  const deploy = pathname.match(/^\/deploy\/([\w-]+)\//);
  if (deploy) {
    req.url = req.url.slice(deploy[0].length - 1);
    return builds.handler(deployed.get(deploy[1]) ?? "A")(req, res);
  }
  if (pathname.startsWith(SUB_PATH)) {
    req.url = "/" + req.url.slice(SUB_PATH.length);
    return distForOtherSites(req, res);
  }
  if (pathname.startsWith("/host/")) {
    req.url = req.url.replace("/host/", "/");
    return host(req, res);
  }
  if (pathname.startsWith("/test-data/")) {
    req.url = req.url.replace("/test-data/", "/");
    return corpus(req, res);
  }
  const fault = Object.entries(faults).find(([prefix]) => pathname.startsWith(prefix))?.[1];
  if (fault) {
    const count = (attempts.get(pathname) ?? 0) + 1;
    attempts.set(pathname, count);
    if (!firstSeen.has(pathname)) firstSeen.set(pathname, Date.now());
    return fault(req, res, count, pathname);
  }
  // E2E_SLOW_START_MS=2000 holds back the snapshot and the views' own code (split_*.wasm and
  // chunk_*.wasm), so the prerendered copies (the page's hidden ones too) stay in the page that
  // much longer: a test that reads the page before the app has taken over (tests/e2e/live.mjs)
  // then fails every time instead of by chance.
  if (slowStart && /\/data\/strategy\.json$|\/(split_[a-z_]+|chunk_\d+)-[0-9a-f]+\.wasm$/.test(pathname)) return setTimeout(() => dist(req, res), slowStart);
  return dist(req, res);
}).listen(port, "127.0.0.1", () => console.log(`e2e server on http://127.0.0.1:${port}/`));

// The other origin: a snapshot anyone may read, and host pages, each under the Content-Security-Policy its first line
// names (`<!-- csp: ... -->`, after its doctype), with the explorer's origin filled in.
createServer((req, res) => {
  const { pathname } = new URL(req.url, "http://127.0.0.1");
  if (pathname === "/cors/strategy.json") {
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    return res.end(good);
  }
  const name = pathname.match(/^\/host\/([\w-]+\.html)$/)?.[1];
  let page;
  try {
    page = name && readFileSync(resolve("tests/e2e/host", name), "utf8").replaceAll("__EXPLORER__", explorerOrigin);
  } catch {
    page = undefined;
  }
  if (!page) {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end("Not found\n");
  }
  const policy = page.match(/<!-- csp: (.*?) -->/)?.[1];
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...(policy ? { "content-security-policy": policy } : {}) });
  res.end(page);
}).listen(otherPort, "127.0.0.1", () => console.log(`host pages on http://127.0.0.1:${otherPort}/`));
