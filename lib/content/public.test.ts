import { describe, expect, it } from "vitest";
import { makeArticle } from "./article.fixture";
import { carryGate, isPublic, isPublicTopic, nextPublicationTime } from "./public";

const published = "2026-03-01T09:00:00+08:00"; // 01:00 UTC
const at = (iso: string) => new Date(iso);

describe("isPublic", () => {
  it("is false before the published time and true from that instant on, whatever the offset", () => {
    const a = makeArticle({ published });
    expect(isPublic(a, at("2026-03-01T00:59:59.999Z"))).toBe(false);
    expect(isPublic(a, at("2026-03-01T01:00:00Z"))).toBe(true);
    expect(isPublic(a, Date.parse("2026-03-01T02:00:00+01:00"))).toBe(true);
  });

  it("never lets a draft out, even long after its date", () => {
    expect(isPublic(makeArticle({ published, draft: true }), at("2030-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("nextPublicationTime", () => {
  it("finds the earliest scheduled story and ignores drafts and stories already out", () => {
    const now = at("2026-03-01T00:00:00Z");
    const list = [
      makeArticle({ published: "2026-02-01T00:00:00Z" }),
      makeArticle({ published: "2026-03-01T00:30:00Z", draft: true }),
      makeArticle({ published: "2026-03-02T00:00:00Z" }),
      makeArticle({ published: "2026-03-01T05:00:00Z" }),
    ];
    expect(nextPublicationTime(list, now)).toBe(Date.parse("2026-03-01T05:00:00Z"));
    expect(nextPublicationTime(list.slice(0, 2), now)).toBeUndefined();
  });
});

describe("isPublicTopic", () => {
  it("is true only when a public story carries the topic", () => {
    const topic = { slug: "floods", name: "Floods" };
    const draft = makeArticle({ slug: "d", draft: true, topics: [topic] });
    const scheduled = makeArticle({ slug: "s", published: "2026-03-02T00:00:00Z", topics: [topic] });
    const now = at("2026-03-01T12:00:00Z");
    expect(isPublicTopic([draft, scheduled], "floods", now)).toBe(false);
    expect(
      isPublicTopic([draft, makeArticle({ slug: "p", published, topics: [topic] })], "floods", now),
    ).toBe(true);
    expect(isPublicTopic([makeArticle({ published, topics: [topic] })], "storms", now)).toBe(false);
  });
});

describe("carryGate with live coverage that ends ahead", () => {
  const now = Date.parse("2026-03-01T00:00:00Z");
  const later = "2026-03-01T05:00:00Z";
  const live = (ended: string | undefined) =>
    makeArticle({ slug: "storm", published: "2026-02-28T00:00:00Z", live: { ended, updates: [] } });
  const other = makeArticle({ slug: "other", published: "2026-02-01T00:00:00Z" });

  it("wakes at the end, and no longer once the editor takes the end away or moves it", () => {
    const before = live(later);
    const from = [before, other];
    expect(nextPublicationTime(from, now)).toBe(Date.parse(later));
    for (const [ended, next] of [
      [undefined, undefined],
      ["2026-03-01T07:00:00Z", Date.parse("2026-03-01T07:00:00Z")],
      [later, Date.parse(later)],
    ] as const) {
      const after = live(ended);
      const to = [after, other];
      carryGate(from, to, [before], [after], now);
      expect(nextPublicationTime(to, now), String(ended)).toBe(next);
    }
  });
});
