import { describe, expect, it } from "vitest";
import { MAX_PAGE, readSearchParams, resultsHeading, searchHref } from "./params";

describe("readSearchParams", () => {
  it("reads a full request", () => {
    const r = readSearchParams({ q: "fentanyl labs", section: "world", sort: "newest", page: "2" });
    expect(r).toMatchObject({ section: "world", sort: "newest", page: 2 });
    expect(r.query.match).toBe('"fentanyl" "labs"');
  });

  it.each([
    [{}, { section: undefined, sort: "relevance", page: 1 }],
    [
      { section: "nowhere", sort: "oldest", page: "0" },
      { section: undefined, sort: "relevance", page: 1 },
    ],
    [{ page: "-3" }, { page: 1 }],
    [{ page: "2.5" }, { page: 1 }],
    [{ page: "1e3" }, { page: MAX_PAGE }],
    [{ page: "99999999999999999999" }, { page: MAX_PAGE }],
    [{ page: "abc" }, { page: 1 }],
    [{ q: ["first", "second"], page: ["3", "4"] }, { page: 3 }],
  ])("falls back on %j", (params, expected) => {
    expect(readSearchParams(params)).toMatchObject(expected);
  });
});

describe("searchHref", () => {
  it("leaves defaults out and encodes the query", () => {
    expect(searchHref({ q: "a&b c", sort: "relevance", page: 1 })).toBe("/search?q=a%26b+c");
    expect(searchHref({ q: "x", section: "asia", sort: "newest", page: 3 })).toBe(
      "/search?q=x&section=asia&sort=newest&page=3",
    );
  });
});

describe("resultsHeading", () => {
  it("says the count, in words a screen reader reads well", () => {
    expect(resultsHeading({ q: "x", total: 0, capped: false })).toBe("No results for “x”");
    expect(resultsHeading({ q: "x", total: 1, capped: false })).toBe("1 result for “x”");
    expect(resultsHeading({ q: "x", total: 1234, capped: false, section: "asia" })).toBe(
      "1,234 results for “x” in Asia",
    );
    expect(resultsHeading({ q: "x", total: 10_001, capped: true })).toBe("More than 10,000 results for “x”");
  });
});
