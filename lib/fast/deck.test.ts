import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { deckWindow, hasSummary } from "./deck";

const fast = Array.from({ length: 50 }, (_, i) => makeArticle({ slug: `s${i}` })).filter(hasSummary);

describe("deckWindow", () => {
  it("starts at the newest card by default", () => {
    const d = deckWindow(fast, undefined, 10);
    expect(d?.cards.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d).toMatchObject({ current: "s0", total: 50, atStart: true, atEnd: false });
    expect(d?.cards[0]?.previous).toBeUndefined();
    expect(d?.cards[0]?.next?.slug).toBe("s1");
  });

  it("opens a deep link with a few cards before it", () => {
    const d = deckWindow(fast, "s20", 10);
    expect(d?.cards[0]?.position).toBe(16);
    expect(d?.cards.find((c) => c.article.slug === "s20")?.position).toBe(21);
    expect(d?.cards[0]?.previous?.slug).toBe("s14");
    expect(d).toMatchObject({ atStart: false, atEnd: false, current: "s20" });
  });

  it("keeps the window full at the end of the deck", () => {
    const d = deckWindow(fast, "s49", 10);
    expect(d?.cards.map((c) => c.position)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    expect(d?.cards.at(-1)?.next).toBeUndefined();
    expect(d?.atEnd).toBe(true);
  });

  it("keeps only articles with a summary", () => {
    expect(hasSummary(makeArticle({ summary: undefined }))).toBe(false);
    expect(hasSummary(makeArticle())).toBe(true);
  });

  it("handles a deck smaller than the window and an unknown slug", () => {
    expect(deckWindow(fast.slice(0, 3), "s1", 10)?.cards).toHaveLength(3);
    expect(deckWindow(fast, "nope")).toBeUndefined();
    expect(deckWindow([], undefined)?.cards).toEqual([]);
  });
});
