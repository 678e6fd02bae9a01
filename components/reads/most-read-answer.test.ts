import { describe, expect, it } from "vitest";
import { parseMostRead } from "./most-read-answer";

describe("parseMostRead", () => {
  it("takes a list of stories with a site path, a title and a section", () => {
    const stories = [{ path: "/world/a", title: "A", section: "World" }];
    expect(parseMostRead({ stories })).toEqual(stories);
    expect(parseMostRead({ stories: [] })).toEqual([]);
  });

  it("refuses anything else: another shape, a missing field, a link off the site", () => {
    expect(parseMostRead(null)).toBeUndefined();
    expect(parseMostRead({ stories: "x" })).toBeUndefined();
    expect(parseMostRead({ stories: [{ path: "/world/a", title: "A" }] })).toBeUndefined();
    expect(
      parseMostRead({ stories: [{ path: "https://evil.example/", title: "A", section: "W" }] }),
    ).toBeUndefined();
    for (const path of ["//evil.example/", "/\\evil.example/x", "/world/a/../../x", "javascript:alert(1)"])
      expect(parseMostRead({ stories: [{ path, title: "A", section: "W" }] })).toBeUndefined();
  });
});
