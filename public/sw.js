// Service worker of the standalone explorer: offline visits after a first one.
//  - Pages: network first, the cached copy when offline.
//  - Files with a hash in their name (js, wasm, css) and fonts, boundaries: cache first.
//  - Snapshots (data/*.json): network first; offline, the last snapshot that passed the
//    explorer's checks. Only the app writes that cache (after validation), never this worker,
//    so a broken new snapshot cannot replace the last good one.
const SHELL = "iom-explorer-shell-v1";
const GOOD_SNAPSHOTS = "iom-explorer-good-snapshots";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const html = await (await fetch("./index.html", { cache: "no-cache" })).text();
      const files = new Set(["./", "./index.html", "./data/lao-provinces.geojson"]);
      // The release page is minified: its attributes may have no quotes.
      for (const match of html.matchAll(/(?:href|src)="?\.\/([^"\s>]+)|'\.\/([^']+\.(?:js|wasm))'/g)) {
        files.add(`./${match[1] ?? match[2]}`);
      }
      await cache.addAll([...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) caches.open(SHELL).then((cache) => cache.put("./index.html", response.clone()));
          return response;
        })
        .catch(async () => (await caches.match(request, { ignoreSearch: true })) ?? caches.match("./index.html")),
    );
    return;
  }

  if (url.pathname.endsWith(".json")) {
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(GOOD_SNAPSHOTS);
        return (await cache.match(request)) ?? Response.error();
      }),
    );
    return;
  }

  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ??
        fetch(request).then((response) => {
          if (response.ok) caches.open(SHELL).then((cache) => cache.put(request, response.clone()));
          return response;
        }),
    ),
  );
});
