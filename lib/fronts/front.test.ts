import { describe, expect, it } from "vitest";
import { formatFrontProblem, frontName, parseFront } from "./front";

const file = (fm: string) => `---\n${fm}\n---\n`;

describe("parseFront", () => {
  it("reads the lead, the top stories and the sections, with the line each story is named on", () => {
    const parsed = parseFront(
      "home",
      "fronts/home.md",
      file("lead: world/first-story\ntop:\n  - asia/second\n  - business/third\nsections: [asia, world]"),
    );
    expect(parsed).toEqual({
      ok: true,
      front: {
        name: "home",
        label: "fronts/home.md",
        lead: { section: "world", slug: "first-story", line: 2 },
        top: [
          { section: "asia", slug: "second", line: 4 },
          { section: "business", slug: "third", line: 5 },
        ],
        sections: ["asia", "world"],
      },
    });
  });

  it("takes an empty front (no fields) as a front that places nothing", () => {
    expect(parseFront("world", "fronts/world.md", file(""))).toEqual({
      ok: true,
      front: { name: "world", label: "fronts/world.md", top: [] },
    });
  });

  it("names the file, the line and the field of each problem", () => {
    const parsed = parseFront(
      "home",
      "fronts/home.md",
      file(
        "lead: wrold/first-story\ntop: [asia/second, just-a-slug]\nsections: [asia, weather]\ncolour: red",
      ),
    );
    expect(parsed.ok).toBe(false);
    const lines = parsed.ok ? [] : parsed.problems.map(formatFrontProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fronts\/home\.md:2: lead: names an unknown section/),
        expect.stringMatching(/^fronts\/home\.md:3: top\[2\]: must be a story named \{section\}\/\{slug\}/),
        expect.stringMatching(/^fronts\/home\.md:4: sections\[2\]: must be one of: world, asia/),
        "fronts/home.md:5: colour: is not a known field: a front has lead, top and (home only) sections",
      ]),
    );
  });

  it("refuses sections on a section front, more than six top stories, and YAML that does not parse", () => {
    const sections = parseFront("asia", "fronts/asia.md", file("sections: [asia]"));
    expect(sections.ok ? [] : sections.problems.map(formatFrontProblem)).toEqual([
      "fronts/asia.md:2: sections: is for the home front only",
    ]);
    const many = parseFront(
      "home",
      "fronts/home.md",
      file(`top: [${Array.from({ length: 7 }, (_, i) => `world/s-${i}`).join(", ")}]`),
    );
    expect(many.ok ? [] : many.problems.map((p) => p.message)).toEqual(["must name at most 6 stories"]);
    const broken = parseFront("home", "fronts/home.md", file("lead: [world/a"));
    expect(broken.ok ? [] : broken.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^front matter is not valid YAML/),
    ]);
  });
});

describe("frontName", () => {
  it("knows home and the sections, and nothing else", () => {
    expect(frontName("home.md")).toBe("home");
    expect(frontName("world.md")).toBe("world");
    expect(frontName("wrold.md")).toBeUndefined();
    expect(frontName("README.md")).toBeUndefined();
    expect(frontName("home.md.tmp")).toBeUndefined();
  });
});

describe("parseFront: the line of each story", () => {
  const lines = (fm: string) => {
    const parsed = parseFront("home", "fronts/home.md", file(fm));
    return parsed.ok
      ? [parsed.front.lead?.line, ...parsed.front.top.map((r) => r.line)]
      : parsed.problems.map((p) => p.line);
  };

  it("is the line the story is named on, not the first that merely contains its name", () => {
    expect(lines("lead: world/storm-2\ntop: [world/storm]")).toEqual([2, 3]);
    expect(
      lines(
        "# world/storm is the lead today\nlead: world/storm\ntop:\n  - world/storm-2 # second\n  - world/other",
      ),
    ).toEqual([3, 5, 6]);
    expect(lines("lead: world/a\ntop: [world/b,\n  world/c]")).toEqual([2, 3, 4]);
    // The same story twice: each at its own line.
    expect(lines("lead: world/a\ntop:\n  - world/a\n  - world/a")).toEqual([2, 4, 5]);
  });

  it("points a problem in a list at its item", () => {
    expect(lines("lead: world/first\ntop:\n  - world/ok\n  - world")).toEqual([5]);
  });
});
