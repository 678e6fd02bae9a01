import { describe, expect, it } from "vitest";
import { OFFSITE } from "../../e2e/lib/offsite-paths";
import { localPath } from "./local-path";

describe("localPath", () => {
  it("keeps a path on this site, query included", () => {
    expect(localPath("/world/a-story")).toBe("/world/a-story");
    expect(localPath("/world/a-story/summary?x=1")).toBe("/world/a-story/summary?x=1");
    expect(localPath("/world/./a-story")).toBe("/world/a-story");
  });

  it.each([null, undefined, "", "world", "?x=1"])("sends %j to the front page", (input) => {
    expect(localPath(input)).toBe("/");
  });

  it.each(OFFSITE)("never sends %j off the site", (input) => {
    const out = localPath(input);
    // What a browser does with the Location header: resolve it against the page it asked for.
    expect(new URL(out, "https://news.example/api/preview/exit").origin).toBe("https://news.example");
    expect(out).toMatch(/^\/(?![/\\])/);
  });
});
