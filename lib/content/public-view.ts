/**
 * What readers may see now: the live index less drafts, stories not yet published and live updates
 * not yet out (public.ts is the gate). Made once per change or publication time (lib/site/api.ts),
 * and at 100k stories cheap when it can be: the same index when nothing is hidden, and no re-sort
 * when something is (a filtered list keeps its order).
 */
import type { ContentIndex } from "./content-index";
import { indexSorted } from "./content-index";
import { publicCoverage } from "./live-coverage";
import { isPublic, publicationGate } from "./public";

export function publicView(index: ContentIndex, now: number): ContentIndex {
  const gate = publicationGate(index.articles, now);
  if (!gate.hidden && !gate.live) return index;
  // Live stories show only their public updates (live-coverage.ts).
  const visible = index.articles.filter((a) => isPublic(a, now)).map((a) => publicCoverage(a, now));
  if (visible.length === index.articles.length && visible.every((a, i) => a === index.articles[i]))
    return index;
  if (!gate.hidden) return indexSorted(visible, index.media);
  const media = new Map<string, string>();
  for (const a of visible) {
    for (const url of [a.hero.url, ...a.photos.map((p) => p.url)]) {
      const file = index.media.get(url);
      if (file) media.set(url, file);
    }
  }
  return indexSorted(visible, media);
}
