// The lazily loaded Wasm parts (src/app/views/chunks.rs), for scripts/embed-hook.mjs.
// scripts/split/wasm-bindgen cut them out of the Wasm and left them, with the JS that loads them
// (`__wasm_split.js`, imported by the glue), in Trunk's wasm-bindgen folder: here they are
// optimised like the main Wasm, given hashed names (so a deploy never mixes parts of two builds)
// and put beside the glue.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { minify } from "terser";

// The split module (first argument of `#[wasm_split]` in src/app/views/chunks.rs) that draws
// each view whose code is not in the first Wasm file. When a visitor lands on that view, the
// start-up script requests its files as soon as the main Wasm has arrived; the browser tests
// check that each is downloaded once, after the main Wasm.
export const MODULE_OF_VIEW = { timeline: "timeline", themes: "views", map: "views", partners: "views", sources: "views", story: "views" };
/** Ships the parts into `staging` and points the glue (`glueName`) at their loader. Returns the
 * shipped files (`parts`) and, for each split module, the files it loads (`modules`); both
 * empty for a Wasm without split points. */
export async function shipParts(staging, glueName, release) {
  const parts = [];
  const modules = {};
  const gluePath = join(staging, glueName);
  let glue = readFileSync(gluePath, "utf8");
  if (glue.includes('"./__wasm_split.js"')) {
    const folder = resolve(process.env.CARGO_TARGET_DIR ?? "target", "wasm-bindgen", release ? "release" : "debug", "split");
    const linkerPath = join(folder, "__wasm_split.js");
    if (!existsSync(linkerPath)) throw new Error(`embed-hook: the glue imports __wasm_split.js, but ${linkerPath} is missing (was the build run through scripts/build.sh?)`);
    let linker = readFileSync(linkerPath, "utf8");
    const main = linker.match(/import \{ initSync \} from "\.\/([^"]+)\.js";/);
    if (!main) throw new Error("embed-hook: __wasm_split.js does not import initSync");
    linker = linker.replace(main[0], `import { initSync } from "./${glueName}";`);
    // Trunk's wasm-opt settings for the main Wasm, from the page's rust link.
    const source = readFileSync(process.env.TRUNK_HTML_FILE ?? "index.html", "utf8");
    const level = source.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? "z";
    const params = (source.match(/data-wasm-opt-params="([^"]+)"/)?.[1] ?? "").split(/\s+/).filter(Boolean);
    const wasmOpt = resolve("node_modules/.bin/wasm-opt");
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".wasm") && name !== `${main[1]}.wasm`).sort()) {
      const input = join(folder, file);
      let bytes = readFileSync(input);
      if (release) {
        const output = join(folder, `${file}.opt`);
        execFileSync(wasmOpt, [`-O${level}`, "--strip-debug", "--strip-producers", ...params, input, "-o", output], { stdio: "inherit" });
        bytes = readFileSync(output);
        unlinkSync(output);
      }
      const name = `${file.replace(/\.wasm$/, "")}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.wasm`;
      writeFileSync(join(staging, name), bytes);
      const url = `new URL("./${file}", import.meta.url)`;
      if (!linker.includes(url)) throw new Error(`embed-hook: __wasm_split.js does not load ${file}`);
      linker = linker.replaceAll(url, `new URL("./${name}", import.meta.url)`);
      parts.push(name);
    }
    // Which files each split module loads: its own and the shared chunks it lists.
    const chunkFiles = Object.fromEntries(
      [...linker.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
    );
    for (const m of linker.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g)) {
      const chunks = m[3].split(",").map((name) => name.trim()).filter(Boolean);
      const missing = chunks.filter((name) => !chunkFiles[name]);
      if (missing.length) throw new Error(`embed-hook: __wasm_split.js loads ${missing.join(", ")} for ${m[1]}, but does not say from which file`);
      modules[m[1]] = [m[2], ...chunks.map((name) => chunkFiles[name])];
    }
    for (const [view, module] of Object.entries(MODULE_OF_VIEW)) {
      if (!modules[module]) throw new Error(`embed-hook: the ${view} view's split module "${module}" is not in __wasm_split.js (see src/app/views/chunks.rs)`);
    }
    if (release) linker = (await minify(linker, { module: true, compress: true, mangle: true })).code;
    const linkerName = `__wasm_split-${createHash("sha256").update(linker).digest("hex").slice(0, 16)}.js`;
    writeFileSync(join(staging, linkerName), linker);
    parts.push(linkerName);
    // Only the imports: the imports object's key stays the Wasm's own module name.
    glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${linkerName}"`);
    writeFileSync(gluePath, glue);
    console.log(`${parts.length - 1} lazily loaded Wasm parts written, loaded by ${linkerName}`);
  }
  return { parts, modules };
}
