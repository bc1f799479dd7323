// Trunk post-build hook: writes embed.js (the script-embed loader) into the build, with the
// hashed names of the files Trunk just produced. Run by Trunk (see Trunk.toml [[hooks]]).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run through `trunk build`");
const html = readFileSync(join(staging, "index.html"), "utf8");
const find = (pattern, what) => {
  const match = html.match(pattern);
  if (!match) throw new Error(`embed-hook: cannot find ${what} in index.html`);
  return match[1];
};
const files = {
  js: find(/from '\.\/(iom-lao-explorer-[^']+\.js)'/, "the JS module"),
  wasm: find(/module_or_path: '\.\/([^']+\.wasm)'/, "the Wasm file"),
  fonts: find(/href="\.\/(fonts-[^"]+\.css)"/, "fonts.css"),
  css: ["main", "svg", "print"].map((name) => find(new RegExp(`href="\\./(${name}-[^"]+\\.css)"`), `${name}.css`)),
};
const template = readFileSync(new URL("./embed.template.js", import.meta.url), "utf8");
writeFileSync(join(staging, "embed.js"), template.replace("__FILES__", JSON.stringify(files)));
console.log(`embed.js written for ${files.js}`);
