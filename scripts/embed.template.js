// IOM Lao PDR Strategy Explorer: the script-embed loader (README, "Embedding").
// Built from scripts/embed.template.js by scripts/embed-hook.mjs; do not edit dist/embed.js.
//
// Mounts an explorer into every element with the `data-iom-explorer` attribute. Each explorer
// lives in the element's shadow root, so the host page's styles cannot reach it and its styles
// cannot reach the host. It defines no global names and leaves the host's URL alone unless the
// element has data-sync-url="hash".
const base = new URL(".", import.meta.url).href;
const files = __FILES__;

let bindings;
function load() {
  bindings ??= import(base + files.js).then(async (module) => {
    await module.default({ module_or_path: base + files.wasm });
    return module;
  });
  return bindings;
}

// Shadow roots ignore @font-face, so the Lao webfont is declared once in the document; its
// family name is the explorer's own and it styles nothing by itself.
function declareFonts() {
  if (document.querySelector("link[data-iom-explorer-fonts]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = base + files.fonts;
  link.setAttribute("data-iom-explorer-fonts", "");
  document.head.append(link);
}

// Until the app draws (it then removes this), a status in the embed's language: visitors on a
// slow connection see it while the Wasm downloads. If the app's files fail to download, it says
// so instead of loading forever. The texts are put in at build time from src/core/i18n/
// (scripts/ui-text.mjs).
const STATUS = {
  en: ["{{en:Loading}}", "{{en:StartFailed}}", "{{en:Reload}}"],
  lo: ["{{lo:Loading}}", "{{lo:StartFailed}}", "{{lo:Reload}}"],
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
function showFailure(host, target) {
  const [, failure, reload] = STATUS[langOf(host)];
  const text = target.querySelector("[role=status]");
  if (!text) return;
  const link = document.createElement("a");
  link.href = "";
  link.textContent = reload;
  text.replaceChildren(`${failure} `, link);
}

async function mountAll() {
  const hosts = [...document.querySelectorAll("[data-iom-explorer]:not([data-iom-explorer-mounted])")];
  if (hosts.length === 0) return;
  declareFonts();
  const targets = hosts.map((host) => {
    host.setAttribute("data-iom-explorer-mounted", "");
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    for (const href of files.css) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = base + href;
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
    return [host, target];
  });
  let module;
  try {
    module = await load();
  } catch (error) {
    for (const [host, target] of targets) showFailure(host, target);
    throw error;
  }
  for (const [host, target] of targets) module.mount_explorer(target, host, base);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll, { once: true });
} else {
  mountAll();
}
