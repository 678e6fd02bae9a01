/**
 * What readers may see now: the live index less drafts, stories not yet published and live updates
 * not yet out (public.ts is the gate). Made once per change or publication time (lib/site/api.ts),
 * and at 100k stories cheap when it can be: the same index when nothing is hidden, and no re-sort
 * when something is (a filtered list keeps its order).
 */
import type { Article } from "./article";
import { indexSorted, type ContentIndex } from "./content-index";
import { publicCoverage } from "./live-coverage";
import { LayeredMap } from "./layered-map";
import { isPublic, publicationGate } from "./public";
import { carryLists } from "./related";

export function publicView(index: ContentIndex, now: number): ContentIndex {
  const gate = publicationGate(index.articles, now);
  if (!gate.hidden && !gate.live) return index;
  if (!gate.hidden) return withLiveCopies(index, now);
  // Live stories show only their public updates (live-coverage.ts).
  // Some story is hidden (the gate holds until its time), so this is always a shorter list.
  const visible = index.articles.filter((a) => isPublic(a, now)).map((a) => publicCoverage(a, now));
  const media = new Map<string, string>();
  for (const a of visible) {
    for (const url of [a.hero.url, ...a.photos.map((p) => p.url)]) {
      const file = index.media.get(url);
      if (file) media.set(url, file);
    }
  }
  return indexSorted(visible, media);
}

/**
 * The index with each live story replaced by its public copy (its updates so far), when no story is
 * hidden: the same order, topics (a copy has the same topic objects) and media, and the related
 * lists carried over, so a change with a live story in the archive costs a copy of the list and a
 * layer over the slug map (layered-map.ts), not a rebuild of the index (~0.5 s at 100k stories).
 */
function withLiveCopies(index: ContentIndex, now: number): ContentIndex {
  const articles = index.articles.slice();
  const bySlug = LayeredMap.edit(index.bySlug);
  const gone: Article[] = [];
  const came: Article[] = [];
  articles.forEach((a, i) => {
    if (!a.live) return;
    const copy = publicCoverage(a, now);
    if (copy === a) return;
    articles[i] = copy;
    bySlug.set(copy.slug, copy);
    gone.push(a);
    came.push(copy);
  });
  if (came.length === 0) return index;
  const view: ContentIndex = { articles, bySlug: bySlug.done(), topics: index.topics, media: index.media };
  carryLists(index, view, gone, came);
  return view;
}
