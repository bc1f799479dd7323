// IOM Lao PDR Strategy Explorer: the script-embed loader (README, "Embedding").
// Built from scripts/embed.template.js by scripts/embed-hook.mjs; do not edit dist/embed.js.
//
// Mounts an explorer into every element with the `data-iom-explorer` attribute, including
// elements added later. Each explorer lives in a shadow root, so the host page's styles cannot
// reach it and its styles cannot reach the host. It defines no global names, adds no element
// outside its own, and leaves the host's URL alone unless the element has
// data-sync-url="hash".
const base = new URL(".", import.meta.url).href;
const files = __FILES__;

let bindings;
function load() {
  // The glue imports the parts' loader: both requested at once, not one after the other.
  bindings ??= Promise.all([import(base + files.js), files.linker && import(base + files.linker)]).then(async ([module]) => {
    await module.default({ module_or_path: base + files.wasm });
    return module;
  });
  return bindings;
}

// Shadow roots ignore @font-face, so the Lao webfont joins the document's font set (the
// FontFace API: no element is added to the host page; the family name is the explorer's own,
// and the browser downloads it only when Lao text is drawn).
let fontsDeclared = false;
function declareFonts() {
  if (fontsDeclared || !("fonts" in document) || typeof FontFace !== "function") return;
  fontsDeclared = true;
  const sources = [...files.font.local.map((name) => `local("${name}")`), `url("${base + files.font.file}") format("woff2")`];
  const face = new FontFace(files.font.family, sources.join(", "), files.font.descriptors);
  document.fonts.add(face);
}

// A host page whose Content-Security-Policy allows styles by nonce only: the explorer's
// stylesheets carry the nonce of the script element that loaded this file.
const nonce = [...document.scripts].find((script) => script.src === import.meta.url)?.nonce ?? "";

// Until the app draws (it then removes this), a status in the embed's language: visitors on a
// slow connection see it while the Wasm downloads. If the app's files fail to download, it says
// so instead of loading forever. The texts are put in at build time from src/core/i18n/
// (scripts/ui-text.mjs).
const STATUS = {
  en: ["{{en:Loading}}", "{{en:StartFailed}}", "{{en:Reload}}", "{{en:StartBlocked}}", "{{en:EmbedBadElement}}"],
  lo: ["{{lo:Loading}}", "{{lo:StartFailed}}", "{{lo:Reload}}", "{{lo:StartBlocked}}", "{{lo:EmbedBadElement}}"],
};
const langOf = (host) => (host.getAttribute("data-lang") === "lo" ? "lo" : "en");

function loadingStatus(host) {
  const lang = langOf(host);
  const boot = document.createElement("div");
  boot.className = "iom-boot iom-explorer iom-explorer--embedded";
  const text = document.createElement("p");
  text.className = "iom-loading";
  text.setAttribute("role", "status");
  text.lang = lang;
  text.textContent = STATUS[lang][0];
  boot.append(text);
  return boot;
}

// The same status element says it, so that screen readers announce the change.
function showFailure(host, target, blockedByPolicy) {
  const [, failure, reload] = STATUS[langOf(host)];
  const text = target.querySelector("[role=status]");
  if (!text) return;
  if (blockedByPolicy) {
    text.replaceChildren(STATUS[langOf(host)][3]);
    return;
  }
  const link = document.createElement("a");
  link.href = "";
  link.textContent = reload;
  text.replaceChildren(`${failure} `, link);
}

// A host page's Content-Security-Policy without 'wasm-unsafe-eval' refuses to compile the
// Wasm: that is not a connection problem, and the status says what it is.
let wasmRefused = false;
document.addEventListener("securitypolicyviolation", (event) => {
  if (event.blockedURI === "wasm-eval" || event.blockedURI === "wasm") wasmRefused = true;
});
const refusedByPolicy = (error) =>
  wasmRefused || (error instanceof WebAssembly.CompileError && /Content.Security.Policy|unsafe-eval/i.test(error.message));

// Elements that can hold a shadow root (the HTML standard's list); any other element that can
// hold content (a table cell, a list item) gets a <div> inside it to hold the explorer.
const SHADOW_HOSTS = new Set(["ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "DIV", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "MAIN", "NAV", "P", "SECTION", "SPAN"]);
// Elements that cannot show an explorer at all: their own place says so instead.
const NO_CONTENT = new Set(["AREA", "AUDIO", "BR", "CANVAS", "COL", "EMBED", "HR", "IFRAME", "IMG", "INPUT", "LINK", "META", "OBJECT", "PICTURE", "SCRIPT", "SELECT", "SOURCE", "STYLE", "TEMPLATE", "TEXTAREA", "TRACK", "VIDEO", "WBR"]);

function reportBadElement(host) {
  const note = document.createElement("p");
  note.setAttribute("role", "alert");
  note.lang = langOf(host);
  note.textContent = STATUS[langOf(host)][4].replace("{}", host.localName);
  host.after(note);
  console.error(`IOM explorer: cannot mount into <${host.localName}>; use a <div>.`, host);
}

function shadowFor(host) {
  if (host.shadowRoot) return host.shadowRoot;
  if (SHADOW_HOSTS.has(host.tagName) || host.localName.includes("-")) {
    try {
      return host.attachShadow({ mode: "open" });
    } catch {
      // A custom element that refuses a shadow root: a <div> inside it instead.
    }
  }
  const box = document.createElement("div");
  // A table cell sizes to its content, and the explorer adapts to its box: without a floor the
  // two would settle on a column a few letters wide.
  box.style.minWidth = "min(20em, 100vw - 2em)";
  host.append(box);
  return box.attachShadow({ mode: "open" });
}

// Each element on its own: one that cannot take an explorer reports it in its own place and
// the others still mount.
function prepare(host) {
  host.setAttribute("data-iom-explorer-mounted", "");
  if (NO_CONTENT.has(host.tagName)) {
    reportBadElement(host);
    return null;
  }
  let shadow;
  try {
    shadow = shadowFor(host);
  } catch (error) {
    reportBadElement(host);
    console.error(error);
    return null;
  }
  for (const href of files.css) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base + href;
    if (nonce) link.nonce = nonce;
    shadow.append(link);
  }
  const target = document.createElement("div");
  target.append(loadingStatus(host));
  shadow.append(target);
  const height = host.getAttribute("data-height");
  if (height) {
    host.style.display = "block";
    host.style.height = /^\d+$/.test(height) ? `${height}px` : height;
    host.style.overflow = "auto";
  }
  return target;
}

__CRASH_PANEL__
__INTL_WARMUP__

// Every explorer mounted so far, with its host element (for the crash panel's language).
const mounted = new Map();
watchForCrash(
  () => [...mounted.keys()],
  (target) => langOf(mounted.get(target)),
);

async function mountAll() {
  const hosts = [...document.querySelectorAll("[data-iom-explorer]:not([data-iom-explorer-mounted])")];
  if (hosts.length === 0) return;
  declareFonts();
  const targets = hosts.map((host) => [host, prepare(host)]).filter(([, target]) => target);
  if (targets.length === 0) return;
  // While the explorer's files download, not in its start-up (intl-warmup.js).
  warmIntl();
  let module;
  try {
    module = await load();
  } catch (error) {
    for (const [host, target] of targets) showFailure(host, target, refusedByPolicy(error));
    throw error;
  }
  for (const [host, target] of targets) {
    mounted.set(target, host);
    try {
      module.mount_explorer(target, host, base);
    } catch (error) {
      // Its own place shows the failure; the next elements still mount.
      showFailure(host, target, false);
      console.error(error);
    }
  }
}

// Elements a CMS adds later (widgets, tabs, content loaded on demand) mount when they appear.
new MutationObserver((changes) => {
  const added = changes.some((change) =>
    change.type === "attributes" ||
    [...change.addedNodes].some((node) => node.nodeType === 1 && (node.matches("[data-iom-explorer]") || node.querySelector("[data-iom-explorer]"))),
  );
  if (added) mountAll();
}).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-iom-explorer"] });

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll, { once: true });
} else {
  mountAll();
}
