/**
 * A `Range: bytes=…` header against a file of `size` bytes (RFC 9110 §14): the one range to send, or
 * "unsatisfiable" (416), or undefined (send the whole file: no header, another unit, several ranges,
 * or a header that does not parse, which a server may ignore).
 */
export type ByteRange = { start: number; end: number };

export function byteRange(header: string | null, size: number): ByteRange | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, from = "", to = ""] = m;
  if (from === "" && to === "") return undefined;
  if (from === "") {
    // The last N bytes.
    const n = Number(to);
    if (n === 0) return "unsatisfiable";
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return "unsatisfiable";
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (end < start) return undefined;
  return { start, end };
}
