// Wraps a static handler so that it answers brotli-compressed, as a real host would (a CDN or a
// web server with precompressed files): each file is compressed once, at quality 11, and kept.
// Only what a host compresses is compressed (text, JSON, Wasm), and only for a client that says
// it accepts `br`. Used by the benchmark's mobile profile, for the explorer and TimelineJS3 alike.
import { brotliCompressSync, constants } from "node:zlib";

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|wasm|javascript)|image\/svg)/;

/** `handler` answers with `writeHead` and one `end(body)`, as `serve.mjs`'s `staticHandler` does. */
export function brotliHandler(handler) {
  const cache = new Map();
  return (req, res) => {
    if (!/\bbr\b/.test(req.headers["accept-encoding"] ?? "")) return handler(req, res);
    const key = req.url; // before a route rewrites it
    // Catch what the handler writes, then compress the body before it leaves.
    let status = 200;
    let headers = {};
    const capture = {
      writeHead(code, head) {
        status = code;
        headers = { ...head };
        return capture;
      },
      end(body) {
        let out = Buffer.from(body ?? "");
        const type = headers["content-type"] ?? "";
        if (status === 200 && COMPRESSIBLE.test(type) && req.method !== "HEAD") {
          let packed = cache.get(key);
          if (!packed || packed.raw.length !== out.length || !packed.raw.equals(out)) {
            packed = { raw: out, br: brotliCompressSync(out, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) };
            cache.set(key, packed);
          }
          out = packed.br;
          headers["content-encoding"] = "br";
          headers.vary = "accept-encoding";
        }
        headers["content-length"] = out.length;
        res.writeHead(status, headers);
        res.end(req.method === "HEAD" ? undefined : out);
      },
    };
    return handler(req, capture);
  };
}
