/**
 * The one answer to "may a reader see this story now?". Every output (pages, summary view, FAST,
 * listings, feeds, sitemaps, OG images, JSON-LD, search, newsletters) reaches stories through the
 * content API (lib/site/api.ts), which asks this gate, so an embargo cannot leak through a side door.
 */
import type { Article } from "./article";

type Gated = Pick<Article, "draft" | "published">;

export function isPublic(article: Gated, now: Date | number): boolean {
  const at = typeof now === "number" ? now : now.getTime();
  return !article.draft && Date.parse(article.published) <= at;
}

type Gate = {
  /** The time the gate was worked out for; it holds until `next`. */
  at: number;
  /**
   * When the next scheduled (embargoed) story, or update of a live story, becomes public, or a live
   * story's coverage ends at the time its `ended` names.
   */
  next: number | undefined;
  /** A story in the list is not public now: a draft, or one not yet out (updates aside). */
  hidden: boolean;
  /** Some story in the list is live coverage (its public view is a copy: live-coverage.ts). */
  live: boolean;
};

/** By list: the content index's lists are never changed once made (a change makes a new index). */
const gates = new WeakMap<readonly object[], Gate>();

type GatedStory = Gated & { slug: string; live?: { ended?: string; updates: readonly Gated[] } };

/** True when `iso` is after the gate's time; notes in the gate when it comes. */
function ahead(gate: Gate, iso: string): boolean {
  const t = Date.parse(iso);
  if (t <= gate.at) return false;
  if (!Number.isNaN(t) && (gate.next === undefined || t < gate.next)) gate.next = t;
  return true;
}

/** True when `g` is not public at the gate's time; notes in the gate when it will be. */
function waiting(gate: Gate): (g: Gated) => boolean {
  return (g) => g.draft || ahead(gate, g.published);
}

/** Adds a story (and a live story's updates and end) to the gate. */
function weigh(gate: Gate, waits: (g: Gated) => boolean, a: GatedStory): void {
  if (waits(a)) gate.hidden = true;
  if (!a.live) return;
  gate.live = true;
  for (const u of a.live.updates) waits(u);
  // Coverage that ends ahead is live until then (live-coverage.ts): the view changes at that time.
  if (a.live.ended !== undefined) ahead(gate, a.live.ended);
}

/**
 * What the public view of a list needs to know at `now`, in one pass over the list, reused for any
 * later time before the next publication (nothing becomes public meanwhile). At 100k stories a pass
 * is ~0.2 s of the server's thread, and every publish asked twice (the view, the scheduler).
 */
export function publicationGate(articles: readonly GatedStory[], now: Date | number): Gate {
  const at = typeof now === "number" ? now : now.getTime();
  const known = gates.get(articles);
  if (known && at >= known.at && (known.next === undefined || at < known.next)) return known;
  const gate: Gate = { at, next: undefined, hidden: false, live: false };
  const waits = waiting(gate);
  for (const a of articles) weigh(gate, waits, a);
  gates.set(articles, gate);
  return gate;
}

/**
 * The gate of `to`, a list made from `from` by taking out `gone` and adding `came` (reindex.ts), at
 * `now`, from `from`'s gate if it was worked out and still holds at `now`, and nothing that left
 * counted in it: no pass over the archive (~0.15 s per publish at 100k stories). The stories that
 * came are weighed at `now`: a story published this second is out, not scheduled.
 */
export function carryGate(
  from: readonly object[],
  to: readonly object[],
  gone: readonly GatedStory[],
  came: readonly GatedStory[],
  now: number,
): void {
  const known = gates.get(from);
  if (!known || now < known.at || (known.next !== undefined && now >= known.next)) return;
  // Nothing in `from` became public between its gate's time and now: the same stories wait.
  const gate: Gate = { ...known, at: now };
  const waits = waiting(gate);
  // A live story that comes back (new updates) may leave as long as nothing of it was waiting.
  const back = new Set(came.filter((a) => a.live).map((a) => a.slug));
  for (const a of gone) {
    if (waits(a)) return;
    if (!a.live) continue;
    if (!back.has(a.slug) || a.live.updates.some(waits)) return;
    // An end ahead may be what `next` waits for: if the story comes back with another end (or
    // none), the gate is worked out afresh; with the same end (an update added), it carries.
    if (a.live.ended !== undefined && Date.parse(a.live.ended) > now) {
      const again = came.find((c) => c.slug === a.slug);
      if (again?.live?.ended !== a.live.ended) return;
    }
  }
  for (const a of came) weigh(gate, waits, a);
  gates.set(to, gate);
}

/**
 * When the next scheduled (embargoed) story, or update of a live story, becomes public; undefined
 * if none is waiting.
 */
export function nextPublicationTime(articles: readonly GatedStory[], now: Date | number): number | undefined {
  return publicationGate(articles, now).next;
}

/** Whether a reader may see any story on a topic now (a topic only drafts carry is not one yet). */
export function isPublicTopic(
  articles: readonly (Gated & { topics: readonly { slug: string }[] })[],
  topic: string,
  now: Date | number,
): boolean {
  return articles.some((a) => a.topics.some((t) => t.slug === topic) && isPublic(a, now));
}
