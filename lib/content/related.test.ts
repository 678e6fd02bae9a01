import { describe, expect, it } from "vitest";
import { makeArticle } from "./article.fixture";
import { indexArticles } from "./content-index";
import { relatedArticles } from "./related";

const t = (slug: string) => ({ name: slug, slug });
const asia = { slug: "asia", name: "Asia", description: "Asia." };
const day = (d: number) => `2026-03-${String(d).padStart(2, "0")}T08:00:00Z`;

const story = makeArticle({ slug: "story", topics: [t("mexico"), t("drugs")], published: day(10) });
const articles = [
  story,
  makeArticle({ slug: "both-topics", topics: [t("drugs"), t("mexico")], published: day(1) }),
  makeArticle({ slug: "one-topic-new", topics: [t("mexico")], published: day(9), section: asia }),
  makeArticle({ slug: "one-topic-same-section", topics: [t("drugs")], published: day(2) }),
  makeArticle({ slug: "same-section-only", topics: [t("sport")], published: day(3) }),
  makeArticle({ slug: "other-newest", topics: [t("tennis")], published: day(20), section: asia }),
];

describe("relatedArticles", () => {
  it("ranks by shared topics, then same section, then recency, and never lists the story", () => {
    const related = relatedArticles(story, indexArticles(articles), 4).map((a) => a.slug);
    expect(related).toEqual(["both-topics", "one-topic-same-section", "one-topic-new", "same-section-only"]);
  });

  it("fills up from the section, then the newest stories, when few share a topic", () => {
    const lonely = makeArticle({ slug: "lonely", topics: [t("chess")], published: day(5) });
    const related = relatedArticles(lonely, indexArticles([...articles, lonely]), 5).map((a) => a.slug);
    expect(related).toEqual([
      "story",
      "same-section-only",
      "one-topic-same-section",
      "both-topics",
      "other-newest",
    ]);
  });

  it("lists only stories in the index it is given (public ones, from the content API)", () => {
    const index = indexArticles(articles.filter((a) => a.slug !== "both-topics"));
    expect(relatedArticles(story, index, 4).map((a) => a.slug)).not.toContain("both-topics");
  });

  it("looks at a bounded number of stories per topic, however large the archive", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      makeArticle({
        slug: `m-${i}`,
        topics: [t("mexico")],
        published: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }),
    );
    const old = makeArticle({
      slug: "old",
      topics: [t("mexico"), t("drugs")],
      published: "2025-01-01T00:00:00Z",
    });
    const index = indexArticles([...many, old, story]);
    const related = relatedArticles(story, index, 3).map((a) => a.slug);
    // "old" is beyond the newest 200 of "mexico", but "drugs" is short: found there, it counts both.
    expect(related[0]).toBe("old");
    expect(related).toHaveLength(3);
  });
});
