// Trunk post-build hook (see Trunk.toml [[hooks]]): ships the snapshot without its indentation.
// The repository keeps public/data/strategy.json indented for people editing it; visitors get
// the same data in fewer bytes. A file that is not JSON is shipped as it is, so the explorer
// itself shows what is wrong with it (and `snapshot-check` names the problem).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run through `trunk build`");
const file = join(staging, "data", "strategy.json");
const text = readFileSync(file, "utf8");
try {
  const compact = JSON.stringify(JSON.parse(text));
  writeFileSync(file, compact);
  console.log(`data/strategy.json shipped compact: ${text.length} -> ${compact.length} bytes`);
} catch (error) {
  console.warn(`data/strategy.json is not valid JSON (${error.message}); shipped as it is`);
}
