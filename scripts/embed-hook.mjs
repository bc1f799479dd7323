// Trunk post-build hook (see Trunk.toml [[hooks]]). One script, because Trunk runs the hooks
// of a stage at the same time and these steps all rewrite index.html:
//  0. joins the explorer's stylesheets (style/<view>.css, every one but fonts, page, svg and
//     print) in index.html's order into one main-<hash>.css, and puts the UI strings of the
//     start-up status into index.html and embed.js from src/core/i18n/ (scripts/ui-text.mjs);
//  1. writes embed.js (the script-embed loader) with the hashed names of the files just built;
//  2. in a release build, minifies the JS: wasm-bindgen's glue (Trunk's own JS minifier cannot
//     parse it), the service worker and embed.js, and updates the glue's integrity hash;
//  3. replaces Trunk's inline start-up script with one that does the same and, when the app
//     cannot start (its JS or Wasm failed to download), shows the page's failure message;
//  4. adds the standalone page's Content-Security-Policy to index.html: no 'unsafe-inline' or
//     'unsafe-eval' for scripts, only 'wasm-unsafe-eval' and the hash of that one inline
//     module script (README, "Security").
import { createHash } from "node:crypto";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";
import { fillHtml, fillJs } from "./ui-text.mjs";

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
const template = readFileSync(new URL("./embed.template.js", import.meta.url), "utf8");
writeFileSync(join(staging, "embed.js"), fillJs(template, "embed.template.js").replace("__FILES__", JSON.stringify(files)));
console.log(`embed.js written for ${files.js}`);

if (process.env.TRUNK_PROFILE === "release") {
  const shrink = async (name, module) => {
    const file = join(staging, name);
    const code = readFileSync(file, "utf8");
    const small = (await minify(code, { module, compress: true, mangle: true })).code;
    writeFileSync(file, small);
    console.log(`${name} minified: ${code.length} -> ${small.length} bytes`);
    return small;
  };
  const glue = await shrink(files.js, true);
  await shrink("sw.js", false);
  await shrink("embed.js", false);
  const integrity = `sha384-${createHash("sha384").update(glue).digest("base64")}`;
  let replaced = 0;
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    if (!tag.includes(`./${files.js}`)) return tag;
    replaced += 1;
    return tag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${integrity}"`);
  });
  if (replaced !== 1) throw new Error(`embed-hook: expected one link to ${files.js}, found ${replaced}`);
}

const inline = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) throw new Error(`embed-hook: expected one inline script, found ${inline.length}`);
// What Trunk's script does (import the glue, start the Wasm, expose the bindings, announce the
// start), and the page's failure message instead of an endless "Loading" if that fails.
const start = [
  "try {",
  `const bindings = await import('./${files.js}');`,
  `const wasm = await bindings.default({ module_or_path: './${files.wasm}' });`,
  "window.wasmBindings = bindings;",
  'dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));',
  "} catch (error) {",
  'for (const part of document.querySelectorAll(".iom-boot > span")) part.hidden = !part.hasAttribute("data-failed");',
  "throw error;",
  "}",
].join("\n");
html = html.replace(inline[0][0], () => `<script type=module>${start}</script>`);
const hash = createHash("sha256").update(start).digest("base64");
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
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
  (meta) => `${meta}<meta http-equiv="Content-Security-Policy" content="${policy}">`,
);
if (withPolicy === html) throw new Error("embed-hook: cannot place the CSP meta tag");
writeFileSync(join(staging, "index.html"), withPolicy);
console.log("Content-Security-Policy added to index.html");
