// Trunk post-build hook (see Trunk.toml [[hooks]]). One script, because Trunk runs the hooks
// of a stage at the same time and these steps all rewrite index.html:
//  1. writes embed.js (the script-embed loader) with the hashed names of the files just built;
//  2. in a release build, minifies the JS: wasm-bindgen's glue (Trunk's own JS minifier cannot
//     parse it), the service worker and embed.js, and updates the glue's integrity hash;
//  3. replaces Trunk's inline start-up script with one that does the same and, when the app
//     cannot start (its JS or Wasm failed to download), shows the page's failure message;
//  4. adds the standalone page's Content-Security-Policy to index.html: no 'unsafe-inline' or
//     'unsafe-eval' for scripts, only 'wasm-unsafe-eval' and the hash of that one inline
//     module script (README, "Security").
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run through `trunk build`");
let html = readFileSync(join(staging, "index.html"), "utf8");
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
writeFileSync(join(staging, "embed.js"), template.replace("__FILES__", JSON.stringify(files)));
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
