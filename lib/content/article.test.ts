import { describe, expect, it } from "vitest";
import { topicSlug } from "./article";

describe("topicSlug", () => {
  it.each([
    ["United States", "united-states"],
    ["Drug trafficking", "drug-trafficking"],
    ["Science & Tech", "science-and-tech"],
    ["Café Société", "cafe-societe"],
    ["  U.S.  ", "u-s"],
    ["東京", ""],
  ])("%s → %s", (name, slug) => {
    expect(topicSlug(name)).toBe(slug);
  });
});
