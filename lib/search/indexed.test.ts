import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { sortNewest, type Article } from "@/lib/content/article";
import { IndexedDocs } from "./indexed";

const sections = ["world", "asia"];
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

/** Stories three to a minute (ties broken by slug), in the content index's order. */
function archive(n: number): Article[] {
  return sortNewest(
    Array.from({ length: n }, (_, i) =>
      makeArticle({ slug: `s-${String(i).padStart(4, "0")}`, published: at(Math.floor(i / 3)) }),
    ),
  );
}

/** An index holding `articles`, as the engine leaves it after a sync. */
function indexed(articles: readonly Article[]): IndexedDocs {
  const docs = new IndexedDocs(sections);
  const { removed, added } = docs.changeTo(articles);
  docs.forget(removed);
  docs.remember(added);
  return docs;
}

const slugs = (list: readonly { slug: string }[]) => list.map((a) => a.slug).sort();

describe("the index's change to a new list", () => {
  // A publish at 100k stories: a change that compared every story by a lookup cost the server's
  // thread ~0.7 s; the change itself must still be just the story that moved.
  it("is only the new story when one joins stories of one instant, in the content index's order", () => {
    const before = archive(300);
    const docs = indexed(before);
    const fresh = makeArticle({ slug: "s-0150-b", published: at(50) });
    const change = docs.changeTo(sortNewest([...before, fresh]));
    expect(change.removed).toEqual([]);
    expect(change.added.map((d) => d.article)).toEqual([fresh]);
  });

  it("is the old row out and the new one in when a story is corrected or moved in time", () => {
    const before = archive(300);
    const docs = indexed(before);
    const corrected = before[100]!;
    const moved = before[200]!;
    const after = sortNewest([
      ...before.filter((a) => a !== corrected && a !== moved),
      { ...corrected, title: "Corrected" },
      { ...moved, published: at(500) },
    ]);
    const change = docs.changeTo(after);
    expect(slugs(change.removed.map((d) => d.article))).toEqual(slugs([corrected, moved]));
    expect(slugs(change.added.map((d) => d.article))).toEqual(slugs([corrected, moved]));
    expect(change.added.map((d) => d.article.title)).toContain("Corrected");
  });

  it("is the deleted stories out and nothing in when stories are withdrawn, first and last included", () => {
    const before = archive(30);
    const docs = indexed(before);
    const gone = [before[0]!, before[13]!, before[29]!];
    const change = docs.changeTo(before.filter((a) => !gone.includes(a)));
    expect(slugs(change.removed.map((d) => d.article))).toEqual(slugs(gone));
    expect(change.added).toEqual([]);
  });

  it("still brings the index to exactly the list when the list comes in another order", () => {
    const before = archive(60);
    const docs = indexed(before);
    const after = [...before.slice(5), makeArticle({ slug: "new", published: at(3) })].reverse();
    const { removed, added } = docs.changeTo(after);
    const out = new Set(removed.map((d) => d.article));
    const held = [...before.filter((a) => !out.has(a)), ...added.map((d) => d.article)];
    expect(held).toHaveLength(after.length);
    expect(new Set(held)).toEqual(new Set(after));
    docs.forget(removed);
    docs.remember(added);
    expect(docs.size).toBe(after.length);
  });
});
