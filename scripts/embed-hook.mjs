// Trunk post-build hook (see Trunk.toml [[hooks]]). One script, because Trunk runs the hooks
// of a stage at the same time and these steps all rewrite index.html:
//  0. joins the explorer's stylesheets (style/<view>.css, every one but fonts, page, svg and
//     print) in index.html's order into one main-<hash>.css, and puts the UI strings of the
//     start-up status into index.html and embed.js from src/core/i18n/ (scripts/ui-text.mjs);
//  1. optimises and ships the lazily loaded Wasm parts that scripts/split/wasm-bindgen cut out,
//     under hashed names, and writes embed.js (the script-embed loader) with the hashed names
//     of the files just built;
//  2. in a release build, minifies the JS: wasm-bindgen's glue (Trunk's own JS minifier cannot
//     parse it), the service worker and embed.js; then updates the glue's integrity hash;
//  3. replaces Trunk's inline start-up script with one that does the same, then starts the
//     standalone page (`start_page`); when the app cannot start (its JS or Wasm failed to
//     download), it shows the page's failure message, and if the Wasm stops later (out of
//     memory, an abort), the crash panel (crash-panel.js, also in embed.js);
//  4. adds the standalone page's Content-Security-Policy to index.html: no 'unsafe-inline' or
//     'unsafe-eval' for scripts, only 'wasm-unsafe-eval' and the hash of that one inline
//     module script (README, "Security").
import { createHash } from "node:crypto";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";
import { fillHtml, fillJs } from "./ui-text.mjs";
import { MODULE_OF_VIEW, shipParts } from "./split/parts.mjs";
import { COPIED_VIEWS } from "./copied-views.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run through `trunk build`");
let html = readFileSync(join(staging, "index.html"), "utf8");

// The explorer's styles are one source file per view and shared part, but one file to download
// (one request and one brotli stream instead of twelve, in the page and in each embed's shadow
// root). The parts' links must follow each other, so that the joined file takes their place in
// the cascade. Trunk has already minified each part in a release build.
const SEPARATE = new Set(["fonts", "page", "svg", "print"]);
const parts = [...html.matchAll(/<link\b[^>]*\bhref="?\.\/([\w-]+)-[0-9a-f]+\.css"?[^>]*>\s*/g)].filter(
  ([, name]) => !SEPARATE.has(name),
);
if (parts.length === 0) throw new Error("embed-hook: found none of the explorer's stylesheets in index.html");
if (parts.some(([, name]) => name === "main")) throw new Error("embed-hook: style/main.css is the joined file's name");
for (let i = 1; i < parts.length; i += 1) {
  if (parts[i].index !== parts[i - 1].index + parts[i - 1][0].length) {
    throw new Error(`embed-hook: the link to ${parts[i][1]}.css does not follow ${parts[i - 1][1]}.css in index.html`);
  }
}
{
  const partFile = (tag) => tag.match(/href="?\.\/([^"\s>]+)/)[1];
  const css = parts
    .map(([tag]) => {
      const text = readFileSync(join(staging, partFile(tag)), "utf8");
      if (/@import|@charset/.test(text)) throw new Error(`embed-hook: ${partFile(tag)} has @import or @charset`);
      return text.endsWith("\n") || process.env.TRUNK_PROFILE === "release" ? text : `${text}\n`;
    })
    .join("");
  const name = `main-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(staging, name), css);
  for (const [tag] of parts) unlinkSync(join(staging, partFile(tag)));
  const [first] = parts;
  const link = first[0]
    .replace(partFile(first[0]), name)
    .replace(/(integrity="?sha384-)[A-Za-z0-9+/=]+/, (_, attribute) => attribute + createHash("sha384").update(css).digest("base64"));
  const start = first.index;
  const end = parts.at(-1).index + parts.at(-1)[0].length;
  html = html.slice(0, start) + link + html.slice(end);
  console.log(`${name} written: ${parts.length} stylesheets, ${css.length} bytes`);
}

// The start-up status's texts, in both languages (README, "Embedding").
html = fillHtml(html, "index.html");

const find = (pattern, what) => {
  const match = html.match(pattern);
  if (!match) throw new Error(`embed-hook: cannot find ${what} in index.html`);
  return match[1];
};
const files = {
  js: find(/from ?["']\.\/(iom-lao-explorer-[^"']+\.js)["']/, "the JS module"),
  wasm: find(/module_or_path: ?["']\.\/([^"']+\.wasm)["']/, "the Wasm file"),
  fonts: find(/href="?\.\/(fonts-[^"\s>]+\.css)/, "fonts.css"),
  css: ["main", "svg", "print"].map((name) => find(new RegExp(`href="?\\./(${name}-[^"\\s>]+\\.css)`), `${name}.css`)),
};
const release = process.env.TRUNK_PROFILE === "release";
// The lazily loaded parts (scripts/split/parts.mjs).
Object.assign(files, await shipParts(staging, files.js, release));

// The Lao webfont, for embed.js's FontFace (a shadow root ignores @font-face): read from
// fonts.css, so that the two declarations cannot drift apart.
{
  const css = readFileSync(join(staging, files.fonts), "utf8");
  const value = (property) => {
    const match = css.match(new RegExp(`${property}\\s*:\\s*([^;}]+)`));
    if (!match) throw new Error(`embed-hook: fonts.css has no ${property}`);
    return match[1].trim();
  };
  files.font = {
    family: value("font-family").replace(/^["']|["']$/g, ""),
    file: value("src").match(/url\(["']?([^"')]+)/)[1],
    // The device's own copy first, as in fonts.css (the minified file may have lost the quotes).
    local: [...value("src").matchAll(/local\(["']?([^"')]+?)["']?\)/g)].map((match) => match[1]),
    descriptors: {
      style: value("font-style"),
      weight: value("font-weight"),
      display: value("font-display"),
      unicodeRange: value("unicode-range"),
    },
  };
}
// Put into index.html's start-up script and into embed.js: the panel shown if the Wasm stops.
const crashPanel = fillJs(readFileSync(new URL("./crash-panel.js", import.meta.url), "utf8"), "crash-panel.js");
// And both make the page's first `Intl` call while the Wasm downloads.
const intlWarmup = readFileSync(new URL("./intl-warmup.js", import.meta.url), "utf8");
const template = readFileSync(new URL("./embed.template.js", import.meta.url), "utf8");
writeFileSync(
  join(staging, "embed.js"),
  fillJs(template, "embed.template.js")
    // Not the parts: the glue's __wasm_split.js (the linker) loads them, relative to itself.
    .replace("__FILES__", () => JSON.stringify({ ...files, parts: undefined, modules: undefined, linker: files.parts.find((name) => name.startsWith("__wasm_split-")) }))
    .replace("__CRASH_PANEL__", () => crashPanel)
    .replace("__INTL_WARMUP__", () => intlWarmup),
);
console.log(`embed.js written for ${files.js}`);

// The service worker's build: its version (a hash of the hashed file names, so each deploy
// gives the worker new bytes and browsers update it) and the files of the first view.
{
  const linked = [...html.matchAll(/(?:href|src)="?\.\/([^"\s>]+)/g)].map((match) => match[1]);
  const names = [...new Set([...linked, files.js, files.wasm, ...files.parts, files.font.file, "data/lao-provinces.geojson"])]
    .filter((name) => !/\.(html|json)$/.test(name))
    .sort();
  const version = createHash("sha256").update(names.join("\n")).digest("hex").slice(0, 16);
  const build = { version, files: names.map((name) => `./${name}`) };
  const worker = join(staging, "sw.js");
  const code = readFileSync(worker, "utf8");
  if (!code.includes("__BUILD__")) throw new Error("embed-hook: sw.js has no __BUILD__ placeholder");
  writeFileSync(worker, code.replace("__BUILD__", () => JSON.stringify(build)));
  console.log(`sw.js written for build ${version}: ${names.length} files`);
}

if (release) {
  const shrink = async (name, module) => {
    const file = join(staging, name);
    const code = readFileSync(file, "utf8");
    const small = (await minify(code, { module, compress: true, mangle: true })).code;
    writeFileSync(file, small);
    console.log(`${name} minified: ${code.length} -> ${small.length} bytes`);
    return small;
  };
  await shrink(files.js, true);
  await shrink("sw.js", false);
  await shrink("embed.js", false);
}
// The glue changed here (minified, or pointed at the hashed __wasm_split.js): its link's
// integrity hash must be the new file's.
{
  const glue = readFileSync(join(staging, files.js));
  const integrity = `sha384-${createHash("sha384").update(glue).digest("base64")}`;
  let replaced = 0;
  // The glue imports the parts' loader (__wasm_split.js): preloaded beside it, so that it is not
  // requested only once the glue has arrived and been read, with the Wasm's start waiting for it
  // (on loopback that chain put the Wasm's compilation about 30 ms later).
  const linker = files.parts.find((name) => name.startsWith("__wasm_split-"));
  const linkerPreload = (tag) => {
    if (!linker) return "";
    const linkerIntegrity = `sha384-${createHash("sha384").update(readFileSync(join(staging, linker))).digest("base64")}`;
    return tag.replace(`./${files.js}`, `./${linker}`).replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${linkerIntegrity}"`);
  };
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    if (!tag.includes(`./${files.js}`)) return tag;
    replaced += 1;
    const glueTag = tag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${integrity}"`);
    if (!/rel="?modulepreload/.test(tag)) throw new Error(`embed-hook: the link to ${files.js} is not a modulepreload`);
    return glueTag + linkerPreload(glueTag);
  });
  if (replaced !== 1) throw new Error(`embed-hook: expected one link to ${files.js}, found ${replaced}`);
}

const inline = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) throw new Error(`embed-hook: expected one inline script, found ${inline.length}`);
// What Trunk's script does (import the glue, start the Wasm, expose the bindings, announce the
// start), and the page's failure message instead of an endless "Loading" if that fails.
// The first view's own Wasm parts are requested the moment the main Wasm's last byte has
// arrived: before it, on a slow network they would share it with the main Wasm, which the whole
// start-up waits for; after it, they download while the main Wasm compiles and starts, instead
// of after (the explorer asks for them again when it starts, and gets these downloads).
const partsOfView = Object.fromEntries(Object.entries(MODULE_OF_VIEW).filter(([, module]) => files.modules[module]).map(([view, module]) => [view, files.modules[module]]));
const start = [
  crashPanel,
  intlWarmup,
  `const wasmResponse = fetch('./${files.wasm}');`,
  `const parts = ${JSON.stringify(partsOfView)}[new URLSearchParams(location.search).get("view")] ?? [];`,
  "if (parts.length) {",
  // A copy of the response, read to its end only to learn when that is.
  "wasmResponse.then(async (response) => {",
  "const reader = response.clone().body.getReader();",
  "while (!(await reader.read()).done);",
  "for (const file of parts) {",
  'const link = document.createElement("link");',
  // The same request as the loader's fetch (CORS mode, same-origin credentials), so it is reused.
  'link.rel = "preload"; link.as = "fetch"; link.crossOrigin = "anonymous"; link.href = `./${file}`;',
  "document.head.append(link);",
  "}",
  // A failed download is the explorer's to report, when it asks for the file itself.
  "}).catch(() => {});",
  "}",
  // The standalone page's one explorer; before the app draws, the page's language.
  'watchForCrash(() => [document.getElementById("iom-explorer")].filter(Boolean), () => document.documentElement.lang);',
  "try {",
  `const bindings = await import('./${files.js}');`,
  "const started = bindings.default({ module_or_path: wasmResponse });",
  // Once the Wasm's download and compilation are under way (intl-warmup.js).
  "warmIntl();",
  "const wasm = await started;",
  "window.wasmBindings = bindings;",
  // The Wasm's own start does nothing (an embed must not act on its host): the page starts it.
  "bindings.start_page();",
  'dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));',
  "} catch (error) {",
  // A policy that refuses WebAssembly is not a connection problem: the page says which it is.
  'const blocked = error instanceof WebAssembly.CompileError && /Content.Security.Policy|unsafe-eval/i.test(error.message);',
  'for (const part of document.querySelectorAll(".iom-boot > span")) part.hidden = !part.hasAttribute(blocked ? "data-blocked" : "data-failed");',
  "throw error;",
  "}",
].join("\n");
html = html.replace(inline[0][0], () => `<script type=module>${start}</script>`);
// Which prerendered copy the page shows (scripts/prerender.mjs), set on <html> before the body
// is drawn: the view (the Overview, the Timeline, Themes or the Map) and the language the explorer will draw (the
// URL's, else the visitor's last choice: src/app/state.rs), none when the URL asks for anything
// else (another view, filters, an item, a preview, the iframe mode, a key twice). Without
// scripts the English Overview shows.
// The key under which the app stores that choice: read from the app, so the two cannot differ.
const langKey = readFileSync(new URL("../src/app/state.rs", import.meta.url), "utf8").match(/^const LANG_KEY: &str = "([^"\\]+)";$/m)?.[1];
if (!langKey) throw new Error("embed-hook: cannot find `const LANG_KEY: &str = \"…\";` in src/app/state.rs");
const firstScreen = [
  "{",
  "const query = new URLSearchParams(location.search);",
  "const keys = [...query.keys()];",
  'const view = query.get("view") ?? "overview";',
  `const copied = ${JSON.stringify(COPIED_VIEWS.map(({ view }) => view))}.includes(view) && new Set(keys).size === keys.length && keys.every((key) => key === "lang" || key === "view");`,
  'let lang = query.get("lang");',
  `if (lang === null) { try { lang = localStorage.getItem(${JSON.stringify(langKey)}); } catch {} }`,
  'lang = lang === "lo" ? "lo" : "en";',
  "document.documentElement.lang = lang;",
  'document.documentElement.dataset.first = copied ? lang : "none";',
  'if (copied) document.documentElement.dataset.firstView = view;',
  "}",
].join("\n");
const hash = createHash("sha256").update(start).digest("base64");
const firstScreenHash = createHash("sha256").update(firstScreen).digest("base64");
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}' 'sha256-${firstScreenHash}'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
// Trunk's release build minifies the page, so attributes may have lost their quotes.
const withPolicy = html.replace(
  /<meta charset="?utf-8"?\s*\/?>/,
  (meta) => `${meta}<meta http-equiv="Content-Security-Policy" content="${policy}"><script>${firstScreen}</script>`,
);
if (withPolicy === html) throw new Error("embed-hook: cannot place the CSP meta tag");
writeFileSync(join(staging, "index.html"), withPolicy);
console.log("Content-Security-Policy added to index.html");
