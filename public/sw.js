// Service worker of the standalone explorer: offline visits after a first one, across deploys.
//  - BUILD is written into this file by scripts/embed-hook.mjs: the build's version (from its
//    hashed file names) and the files of its first view. A new deploy therefore changes this
//    file's bytes, so browsers install the new worker, which stores the new build and, once
//    active, deletes the caches of older builds.
//  - The explorer's page (index.html, with any query): network first, the stored copy offline.
//    No other page is stored: opening another file of the site in a tab (the schema, a
//    snapshot) goes to the network as if there were no worker.
//  - Files with a hash in their name (js, wasm, css): cache first; they never change.
//  - Fonts, boundaries and the icon (no hash in their names): the stored copy at once, then
//    checked with the server in the background, so that a changed file arrives on the next visit.
//  - The editor's draft (data/draft.json): only from the editor's cache.
//  - Snapshots (data/*.json): network first; offline, the last snapshot that passed the
//    explorer's checks. Only the app writes that cache (after validation), never this worker,
//    so a broken new snapshot cannot replace the last good one.
const BUILD = __BUILD__;
const SHELL_PREFIX = "iom-explorer-shell-";
const SHELL = SHELL_PREFIX + BUILD.version;
const GOOD_SNAPSHOTS = "iom-explorer-good-snapshots";
const scope = new URL(self.registration.scope);
const PAGE = new URL("index.html", scope).href;
// The snapshot editor's draft (edit.html keeps it in this cache), for the explorer's preview of
// it: index.html?snapshot=data/draft.json. Never from the network: a draft is not published.
const DRAFT = new URL("data/draft.json", scope).href;
const DRAFTS = "iom-explorer-draft";

const isPage = (url) => url.origin === scope.origin && (url.pathname === scope.pathname || url.href.split("?")[0] === PAGE);
const isHashed = (url) => /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(url.pathname);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      // The page itself as it is now, not an HTTP cache's older copy.
      await cache.put(PAGE, await fetch(PAGE, { cache: "no-cache" }));
      await cache.addAll(BUILD.files);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

const store = (request, response) => {
  if (response.ok) {
    const copy = response.clone();
    caches.open(SHELL).then((cache) => cache.put(request, copy));
  }
  return response;
};

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;

  if (request.mode === "navigate") {
    if (!isPage(url)) return;
    event.respondWith(
      fetch(request)
        .then((response) => store(PAGE, response))
        .catch(async () => (await caches.match(PAGE, { cacheName: SHELL })) ?? Response.error()),
    );
    return;
  }

  if (url.href === DRAFT) {
    const none = () =>
      new Response("No draft in this browser: open edit.html to make one.", { status: 404, headers: { "content-type": "text/plain" } });
    event.respondWith(caches.open(DRAFTS).then((cache) => cache.match(DRAFT)).then((hit) => hit ?? none()));
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

  if (isHashed(url)) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request).then((response) => store(request, response))));
    return;
  }

  if (BUILD.files.some((file) => new URL(file, scope).href === url.href)) {
    // Stale while revalidate.
    const fresh = fetch(request, { cache: "no-cache" }).then((response) => store(request, response));
    event.waitUntil(fresh.then(() => undefined, () => undefined));
    event.respondWith(caches.match(request, { cacheName: SHELL }).then((hit) => hit ?? fresh));
  }
});
