import { describe, expect, it } from "vitest";
import { drawableHeadline, drawableText, headlineSize } from "./text";

describe("drawable text for Open Graph images", () => {
  it("keeps Latin text, accents and punctuation", () => {
    expect(drawableText("Café “quotes” — 100% & <more>")).toBe("Café “quotes” — 100% & <more>");
  });

  it("drops emoji and scripts the fonts lack instead of fetching glyphs", () => {
    expect(drawableText("Launch 🚀 day 🎉")).toBe("Launch day");
    expect(drawableHeadline("Rocket launch succeeds 🚀")).toBe("Rocket launch succeeds");
  });

  it("gives up on a headline that is mostly undrawable", () => {
    expect(drawableHeadline("東京で大規模な地震")).toBeUndefined();
    expect(drawableHeadline("Москва: новости дня")).toBeUndefined();
    expect(drawableHeadline("🚀🚀🚀")).toBeUndefined();
  });

  it("shortens long headlines at a word boundary", () => {
    const long = "word ".repeat(60).trim();
    const drawn = drawableHeadline(long) ?? "";
    expect(drawn.length).toBeLessThanOrEqual(141);
    expect(drawn.endsWith("word…")).toBe(true);
  });

  it("sizes type down as headlines grow", () => {
    expect(headlineSize("short")).toBeGreaterThan(headlineSize("x".repeat(120)));
  });
});
