// Three builds of the explorer for the deploy tests, made from the release build in dist/:
//  A:  dist/ itself;
//  A2: A with changed province boundaries (an unhashed file; sw.js unchanged);
//  B:  A with a changed stylesheet, as a new build has: a new hashed name (in index.html, with
//      its integrity, and in embed.js) and so a new service worker (its build list and version).
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { staticHandler } from "../../scripts/serve.mjs";

const sha = (algorithm, text, encoding) => createHash(algorithm).update(text).digest(encoding);

export function makeBuilds(dist) {
  const folder = mkdtempSync(join(tmpdir(), "iom-deploys-"));
  const a2 = join(folder, "A2");
  const b = join(folder, "B");
  cpSync(dist, a2, { recursive: true });
  cpSync(dist, b, { recursive: true });

  const boundaries = join(a2, "data/lao-provinces.geojson");
  writeFileSync(boundaries, `${readFileSync(boundaries, "utf8")}\n`);

  const oldCss = readdirSync(b).find((name) => /^main-[0-9a-f]{16}\.css$/.test(name));
  const css = `${readFileSync(join(b, oldCss), "utf8")}\n/* build B */\n`;
  const newCss = `main-${sha("sha256", css, "hex").slice(0, 16)}.css`;
  writeFileSync(join(b, newCss), css);
  const rewrite = (name, change) => writeFileSync(join(b, name), change(readFileSync(join(b, name), "utf8")));
  rewrite("index.html", (html) =>
    html.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(oldCss)
        ? tag.replace(oldCss, newCss).replace(/sha384-[A-Za-z0-9+/=]+/, `sha384-${sha("sha384", css, "base64")}`)
        : tag,
    ),
  );
  rewrite("embed.js", (code) => code.replaceAll(oldCss, newCss));
  rewrite("sw.js", (code) => {
    const version = code.match(/version["']?\s*:\s*["']([0-9a-f]{16})/)[1];
    return code.replaceAll(oldCss, newCss).replaceAll(version, sha("sha256", newCss, "hex").slice(0, 16));
  });

  const handlers = { A: staticHandler(dist), A2: staticHandler(a2), B: staticHandler(b) };
  return {
    names: { A: { css: oldCss }, A2: { css: oldCss }, B: { css: newCss } },
    handler: (build) => handlers[build] ?? handlers.A,
  };
}
