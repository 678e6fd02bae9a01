import { describe, expect, it } from "vitest";
import { localPath } from "./local-path";

describe("localPath", () => {
  it("keeps a path on this site, query included", () => {
    expect(localPath("/world/a-story")).toBe("/world/a-story");
    expect(localPath("/world/a-story/summary?x=1")).toBe("/world/a-story/summary?x=1");
  });

  it.each([
    null,
    "",
    "world",
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\t/evil.example",
  ])("sends %j to the front page", (input) => {
    const out = localPath(input);
    expect(out === "/" || new URL(out, "http://site.invalid").origin === "http://site.invalid").toBe(true);
    if (input === null || !String(input).startsWith("/") || String(input).startsWith("//"))
      expect(out).toBe("/");
  });
});
