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

/** Ships the parts into `staging` and points the glue (`glueName`) at their loader. Returns the
 * shipped files (`parts`), empty for a Wasm without split points. */
export async function shipParts(staging, glueName, release) {
  const parts = [];
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
    if (release) linker = (await minify(linker, { module: true, compress: true, mangle: true })).code;
    const linkerName = `__wasm_split-${createHash("sha256").update(linker).digest("hex").slice(0, 16)}.js`;
    writeFileSync(join(staging, linkerName), linker);
    parts.push(linkerName);
    // Only the imports: the imports object's key stays the Wasm's own module name.
    glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${linkerName}"`);
    writeFileSync(gluePath, glue);
    console.log(`${parts.length - 1} lazily loaded Wasm parts written, loaded by ${linkerName}`);
  }
  return { parts };
}
