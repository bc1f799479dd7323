// The size of each function in a Wasm file, read from its code section.
//
// Why the bench looks at it: Chromium runs a Wasm function first in its baseline compiler and,
// once it is hot, compiles it again with the optimising one, one function per background job.
// A very large hot function is one long job: the code-health refactor's build had the whole
// snapshot reading inlined into one 85 KB function, whose optimising compile (about 225 ms on a
// 2-core host) ran beside the timeline's drawing and slowed it by about 25 ms.

/** Reads an unsigned LEB128 number at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The body size in bytes of every function defined in `bytes` (a Wasm module), in order. */
export function functionSizes(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a Wasm module");
  let at = 8;
  while (at < bytes.length) {
    const section = bytes[at++];
    const [size, start] = leb(bytes, at);
    if (section === 10) {
      let [count, next] = leb(bytes, start);
      const sizes = [];
      while (count-- > 0) {
        const [body, from] = leb(bytes, next);
        sizes.push(body);
        next = from + body;
      }
      return sizes;
    }
    at = start + size;
  }
  return [];
}
