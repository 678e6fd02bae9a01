import { describe, expect, it } from "vitest";
import { parseArticle } from "./parse";
import { formatProblem } from "./problems";

const valid = {
  title: "A headline",
  standfirst: "A standfirst.",
  section: "world",
  topics: ["Mexico"],
  published: '"2026-01-16T07:41:00+08:00"',
  source: "Reuters",
  hero: { src: "images/a.jpg", alt: "Alt", caption: "Caption.", credit: "AP" },
};

function doc(overrides: Record<string, string | null> = {}, body = "Body text.") {
  const fields: Record<string, string | null> = {
    title: valid.title,
    standfirst: valid.standfirst,
    section: valid.section,
    topics: "\n  - Mexico",
    published: valid.published,
    source: valid.source,
    hero: "\n  src: images/a.jpg\n  alt: Alt\n  caption: Caption.\n  credit: AP",
    ...overrides,
  };
  const lines = Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

function problems(raw: string, file = "world/a-story.md") {
  const r = parseArticle(file, raw);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe("parseArticle", () => {
  it("accepts a complete article and keeps the date's offset", () => {
    const r = parseArticle("world/a-story.md", doc());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.slug).toBe("a-story");
    expect(r.article.published).toBe("2026-01-16T07:41:00+08:00");
    expect(r.article.topics).toEqual(["Mexico"]);
    expect(r.article.body).toBe("Body text.");
  });

  it("reads breaking: true, defaults it to false, and names a value that is not true or false", () => {
    const marked = parseArticle("a.md", doc({ breaking: "true" }));
    expect(marked.ok && marked.article.breaking).toBe(true);
    const plain = parseArticle("a.md", doc());
    expect(plain.ok && plain.article.breaking).toBe(false);
    expect(problems(doc({ breaking: "yes please" }))).toContain(
      "world/a-story.md: breaking: must be true or false",
    );
  });

  it("keeps an unquoted date as written instead of converting it", () => {
    const r = parseArticle("a.md", doc({ published: "2026-01-16T07:41:00+08:00" }));
    expect(r.ok && r.article.published).toBe("2026-01-16T07:41:00+08:00");
  });

  it.each([
    ["title", "world/a-story.md: title: is required"],
    ["standfirst", "world/a-story.md: standfirst: is required"],
    ["section", "world/a-story.md: section: is required"],
    ["published", "world/a-story.md: published: is required"],
    ["hero", "world/a-story.md: hero: is required"],
  ])("names the file and the field when %s is missing", (field, message) => {
    expect(problems(doc({ [field]: null }))).toContain(message);
  });

  it("requires a byline or a source", () => {
    expect(problems(doc({ source: null }))).toEqual([
      "world/a-story.md: byline: is required when there is no source (an article needs a byline, a source or both)",
    ]);
  });

  it("rejects an unknown section and lists the allowed ones", () => {
    expect(problems(doc({ section: "wrold" }))[0]).toMatch(
      /^world\/a-story.md: section: must be one of: world, /,
    );
  });

  it("suggests the field an editor meant when a key is misspelt", () => {
    expect(problems(doc({ standfirst: null, standfrist: "x" }))).toEqual([
      "world/a-story.md: standfirst: is required",
      'world/a-story.md: standfrist: is not a known field (did you mean "standfirst"?)',
    ]);
    expect(
      problems(doc({ hero: "\n  src: images/a.jpg\n  alt: A\n  caption: C\n  credit: X\n  credti: Y" })),
    ).toEqual(['world/a-story.md: hero.credti: is not a known field (did you mean "credit"?)']);
  });

  it.each([
    ['"2026-01-16"', "must be an ISO 8601 date-time with a UTC offset"],
    ['"2026-01-16T07:41:00"', "must be an ISO 8601 date-time with a UTC offset"],
    ['"2026-02-31T07:41:00+08:00"', "is not a real date and time"],
    ["12", "must be a date-time"],
  ])("rejects the date %s", (value, message) => {
    expect(problems(doc({ published: value }))[0]).toContain(`published: ${message}`);
  });

  it("rejects an update earlier than publication", () => {
    expect(problems(doc({ updated: '"2026-01-15T07:41:00+08:00"' }))).toEqual([
      "world/a-story.md: updated: must not be earlier than published",
    ]);
  });

  it("takes a credit written with the page's own wrapper as the name alone, so it is not said twice", () => {
    for (const written of ['"(Photo: AP)"', '"Photo: AP"', '"(photo:AP )"']) {
      const r = parseArticle(
        "a.md",
        doc({ hero: `\n  src: images/a.jpg\n  alt: Alt\n  caption: C.\n  credit: ${written}` }),
      );
      expect(r.ok && r.article.hero.credit, written).toBe("AP");
    }
    const kept = parseArticle(
      "a.md",
      doc({ hero: '\n  src: images/a.jpg\n  alt: Alt\n  caption: C.\n  credit: "AP (pool)"' }),
    );
    expect(kept.ok && kept.article.hero.credit).toBe("AP (pool)");
  });

  it("validates each hero field and the image path", () => {
    const p = problems(doc({ hero: '\n  src: "../secret.jpg"\n  alt: ""\n  caption: C\n  credit: X' }));
    expect(p).toContain(
      "world/a-story.md: hero.src: must be a .jpg, .png, .webp or .avif file under images/, e.g. images/lab.jpg",
    );
    expect(p).toContain("world/a-story.md: hero.alt: must not be empty");
  });

  it("checks summary length and each point", () => {
    expect(problems(doc({ summary: "\n  - one\n  - two" }))).toEqual([
      "world/a-story.md: summary: must have at least 3 points",
    ]);
    const long = "x".repeat(201);
    expect(problems(doc({ summary: `\n  - one\n  - two\n  - ${long}` }))).toEqual([
      "world/a-story.md: summary.2: must be at most 200 characters",
    ]);
    expect(problems(doc({ summary: "\n  - 1\n  - 2\n  - 3\n  - 4\n  - 5\n  - 6" }))).toEqual([
      "world/a-story.md: summary: must have at most 5 points",
    ]);
  });

  it("rejects repeated topics and non-list topics", () => {
    expect(problems(doc({ topics: "\n  - Mexico\n  - mexico" }))).toEqual([
      "world/a-story.md: topics: must not repeat a topic",
    ]);
    expect(problems(doc({ topics: "Mexico" }))).toEqual([
      "world/a-story.md: topics: must be a list of topics",
    ]);
  });

  it("requires the body to begin with the dateline", () => {
    expect(problems(doc({ dateline: "WASHINGTON" }, "The story."))).toEqual([
      'world/a-story.md: dateline: the article text must begin with "WASHINGTON:"',
    ]);
    expect(problems(doc({ dateline: "Washington" }, "Washington: x"))).toEqual([
      "world/a-story.md: dateline: must be a place in capitals, e.g. WASHINGTON",
    ]);
    expect(problems(doc({ dateline: "WASHINGTON" }, "WASHINGTON: The story."))).toEqual([]);
  });

  it("reports invalid YAML with its line in the file", () => {
    const raw = "---\ntitle: ok\nstandfirst: [unclosed\n---\nBody";
    expect(problems(raw)[0]).toMatch(
      /^world\/a-story.md: front matter is not valid YAML: .*\(line \d+ of the file\)/,
    );
  });

  it("reports a missing front matter, an empty body, a binary file and a bad file name", () => {
    expect(problems("Just text")).toEqual([
      "world/a-story.md: has no front matter: the file must start with a line of three dashes (---)",
    ]);
    expect(problems(doc({}, ""))).toEqual(["world/a-story.md: has no article text below the front matter"]);
    expect(problems("---\n\u0000\u0001")).toEqual(["world/a-story.md: is not a UTF-8 text file"]);
    expect(problems(doc(), "world/My Story.md")[0]).toContain('file name "My Story" must be a slug');
    expect(problems("---\n- a\n- b\n---\nBody")).toEqual([
      "world/a-story.md: front matter must be a list of fields (name: value)",
    ]);
  });

  it("reports every problem in a file at once", () => {
    expect(problems(doc({ title: null, section: "nope", published: '"yesterday"' }))).toHaveLength(3);
  });
});
