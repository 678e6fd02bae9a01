/**
 * What changed between two content indexes: the stories added, removed or re-read (a new object).
 * Both lists are in one order (newest first, ties by slug: sortNewest), so one walk of the two
 * finds the changes, and an unchanged story costs a pointer comparison. At 100k stories a lookup of
 * every slug in the other index cost the server's thread ~0.1 s per pass, and a publish made
 * several such passes (issue 26).
 */
import { compareNewest, type Article } from "./article";
import type { ContentIndex } from "./content-index";

export type StoryChange = { slug: string; before?: Article; after?: Article };

export function changedStories(before: ContentIndex, after: ContentIndex): StoryChange[] {
  const was = before.articles;
  const now = after.articles;
  const gone: Article[] = [];
  const came: Article[] = [];
  let i = 0;
  let j = 0;
  while (i < was.length || j < now.length) {
    const b = was[i];
    const a = now[j];
    if (b === a) {
      i++;
      j++;
      continue;
    }
    // Whichever comes first in the order is not in the other list (as it is).
    const order = !a ? -1 : !b ? 1 : compareNewest(b, a);
    if (b && order <= 0) {
      gone.push(b);
      i++;
    }
    if (a && order >= 0) {
      came.push(a);
      j++;
    }
  }
  const changes = new Map<string, StoryChange>();
  for (const b of gone) changes.set(b.slug, { slug: b.slug, before: b });
  for (const a of came) {
    const c = changes.get(a.slug);
    if (c) c.after = a;
    else changes.set(a.slug, { slug: a.slug, after: a });
  }
  // Lists out of that order (never the content index's) pair a story with itself: not a change.
  return [...changes.values()].filter((c) => c.before !== c.after);
}
