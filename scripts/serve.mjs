// A small static file server for the built explorer (dist/), used by `make serve` and the
// browser tests. Loopback only. Usage: node scripts/serve.mjs [DIR] [PORT]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Trunk names the built files after their content (`main-2bbd72df65828fb8.css`): such a
 * file never changes, so browsers may keep it. Everything else (the page, the snapshot, the
 * loader) is checked again on each visit. The README's "Deploying" asks the same of a site. */
export function cacheControl(file) {
  return /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** Serves the files under `dir`, with `headers` besides the usual ones; answers 404 outside it. */
export function staticHandler(dir, headers = {}) {
  return async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
      let file = join(dir, path);
      if (!file.startsWith(dir)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": cacheControl(file),
        "x-content-type-options": "nosniff",
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      res.writeHead(err.code === "ENOENT" || err.code === "ENOTDIR" ? 404 : 500, { "content-type": "text/plain" });
      res.end(err.code === "ENOENT" || err.code === "ENOTDIR" ? "Not found\n" : "Server error\n");
    }
  };
}

export function startServer(dir = root, listenPort = port) {
  const server = createServer(staticHandler(dir));
  return new Promise((done) => server.listen(listenPort, "127.0.0.1", () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer();
  console.log(`Serving ${root} at http://127.0.0.1:${port}/  (Ctrl+C stops)`);
}
