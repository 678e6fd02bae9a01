import { describe, expect, it } from "vitest";
import { byteRange } from "./range";

describe("byteRange", () => {
  it("reads a range, an open range and a suffix", () => {
    expect(byteRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(byteRange("bytes=500-", 1000)).toEqual({ start: 500, end: 999 });
    expect(byteRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
  });

  it("clips an end past the file", () => {
    expect(byteRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
  });

  it("is unsatisfiable from past the end, or for an empty suffix", () => {
    expect(byteRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(byteRange("bytes=-0", 1000)).toBe("unsatisfiable");
  });

  it("sends the whole file for no header, other units, several ranges or nonsense", () => {
    for (const h of [
      null,
      "",
      "items=0-1",
      "bytes=0-1,5-6",
      "bytes=5-1",
      "bytes=-",
      "bytes=a-b",
      "bytes=0x10-",
    ])
      expect(byteRange(h, 1000)).toBeUndefined();
  });
});
