import { describe, expect, it } from "vitest";
import { firstParam, MAX_QUERY_CHARS, parseQuery } from "./query";

describe("parseQuery", () => {
  it("quotes every word and joins them (FTS5's implicit AND)", () => {
    expect(parseQuery("Fentanyl labs").match).toBe('"fentanyl" "labs"');
  });

  it("keeps a balanced quoted stretch as a phrase", () => {
    expect(parseQuery('"white house" official').match).toBe('"white house" "official"');
  });

  it("ignores the quotes when they are unbalanced", () => {
    expect(parseQuery('"white house official').match).toBe('"white" "house" "official"');
  });

  // Each of these is an FTS5 syntax error or operator if passed through; here they are words or gone.
  it.each([
    ['a"b', '"a" "b"'],
    ["cartel*", '"cartel"'],
    ["NEAR(mexico us, 3)", '"near" "mexico" "us" "3"'],
    ["-mexico", '"mexico"'],
    ["title:mexico", '"title" "mexico"'],
    ["^mexico", '"mexico"'],
    ["mexico AND us OR NOT cartels", '"mexico" "and" "us" "or" "not" "cartels"'],
    ["(mexico", '"mexico"'],
    ["{title body}: x", '"title" "body" "x"'],
    ["mexico +", '"mexico"'],
    ["'; DROP TABLE docs; --", '"drop" "table" "docs"'],
  ])("%j → %s", (raw, match) => {
    expect(parseQuery(raw).match).toBe(match);
  });

  it("has nothing to match for punctuation, emoji or only quotes", () => {
    for (const raw of ["", "   ", '"', '""', "***", "🙂🚀", "-- :: ^^", "\u0000\u0007"])
      expect(parseQuery(raw).match).toBeUndefined();
  });

  it("keeps right-to-left and accented words, and numbers", () => {
    expect(parseQuery("مرحبا שלום Ciudad de México 2025").terms).toEqual([
      "مرحبا",
      "שלום",
      "ciudad",
      "de",
      "méxico",
      "2025",
    ]);
  });

  it("removes control and format characters and lone surrogates", () => {
    const q = parseQuery("mex\u0000ico\u200b \ud800 labs\u202e");
    expect(q.text).toBe("mex ico labs");
    expect(q.match).toBe('"mex" "ico" "labs"');
  });

  it("reads at most MAX_QUERY_CHARS characters and never splits a character", () => {
    const q = parseQuery("🙂".repeat(150) + "x".repeat(10_000));
    expect(Array.from(q.text)).toHaveLength(MAX_QUERY_CHARS);
    expect(q.text.toWellFormed()).toBe(q.text);
  });

  it("keeps at most twelve terms", () => {
    expect(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ")).terms).toHaveLength(12);
  });

  it("drops a repeated word", () => {
    expect(parseQuery("mexico Mexico MEXICO").match).toBe('"mexico"');
  });
});

describe("firstParam", () => {
  it("takes the first of a repeated parameter and '' for none", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam(undefined)).toBe("");
    expect(firstParam("q")).toBe("q");
  });
});
