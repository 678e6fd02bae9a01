import { describe, expect, it } from "vitest";
import { bearer, sameSecret } from "./secret";

describe("sameSecret", () => {
  it("accepts only the exact secret, and nothing when none is configured", () => {
    expect(sameSecret("correct horse battery", "correct horse battery")).toBe(true);
    expect(sameSecret("correct horse batterY", "correct horse battery")).toBe(false);
    expect(sameSecret("correct", "correct horse battery")).toBe(false);
    expect(sameSecret("", "")).toBe(false);
    expect(sameSecret("anything", undefined)).toBe(false);
    expect(sameSecret(null, "x")).toBe(false);
  });
});

describe("bearer", () => {
  it("reads the token of a Bearer header and nothing else", () => {
    const req = (v?: string) => new Request("http://x/", { headers: v ? { authorization: v } : {} });
    expect(bearer(req("Bearer abc123"))).toBe("abc123");
    expect(bearer(req("bearer abc123"))).toBe("abc123");
    expect(bearer(req("Basic abc123"))).toBeNull();
    expect(bearer(req("Bearer a b"))).toBeNull();
    expect(bearer(req())).toBeNull();
  });
});
