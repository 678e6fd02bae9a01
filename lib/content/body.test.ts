import { describe, expect, it } from "vitest";
import { newBody, readBody, type Body } from "./body";

const TEXT = `WASHINGTON: ${"The minister said talks would continue. ".repeat(60)}東京 — “quotes” 🚀`;

describe("bodies", () => {
  it("read back exactly the text stored, before and after packing, and pack smaller", () => {
    const unpacked: Body = { text: TEXT };
    expect(readBody(unpacked)).toBe(TEXT);
    const body = newBody(TEXT);
    expect(body.text).toBeUndefined();
    expect(body.packed?.length ?? Infinity).toBeLessThan(Buffer.byteLength(TEXT) / 3);
    expect(readBody(body)).toBe(TEXT);
    expect(readBody(body)).toBe(TEXT);
    expect(newBody(TEXT).text).toBeUndefined();
  });

  it("own their bytes: a packed body keeps no shared buffer alive", () => {
    const body = newBody(TEXT);
    expect(body.packed?.byteOffset).toBe(0);
    expect(body.packed?.buffer.byteLength).toBe(body.packed?.length);
  });

  it("stay apart however many are packed and read", () => {
    const bodies = Array.from({ length: 1200 }, (_, i) => ({
      i,
      body: newBody(`Story ${i}: ${"x".repeat(i)}`),
    }));
    for (const { i, body } of bodies) expect(readBody(body)).toBe(`Story ${i}: ${"x".repeat(i)}`);
    for (const { i, body } of bodies.slice(0, 10))
      expect(readBody(body)).toBe(`Story ${i}: ${"x".repeat(i)}`);
  });
});
