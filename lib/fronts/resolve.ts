/**
 * A front applied to the stories readers may see now: the slots it names, each only if that story is
 * public (and in the section its name says), and every slot it leaves empty filled newest-first. Pure:
 * the caller passes the public index; a slot skipped is returned for the caller to warn about once.
 */
import type { Article } from "@/lib/content/article";
import type { Front, FrontRef } from "./front";

/** The public stories, newest first, and by slug. */
export type PublicStories = { articles: readonly Article[]; bySlug: ReadonlyMap<string, Article> };

/** A slot the front named that cannot be shown now, and why. */
export type SkippedSlot = { file: string; line: number; name: string; reason: string };

export type ResolvedFront = {
  lead?: Article;
  top: Article[];
  /** The named slots left out (a missing, scheduled, draft or removed story, or a repeat). */
  skipped: SkippedSlot[];
};

function refName(ref: FrontRef): string {
  return `${ref.section}/${ref.slug}`;
}

/**
 * The lead and `topCount` top stories of a front over `pool` (newest first: the site's stories for
 * home, the section's for a section front). A named slot may hold a story outside `pool`; the fill
 * leaves out `exclude` (stories a page already shows above) as well as those the front placed.
 */
export function resolveFront(
  front: Front | undefined,
  stories: PublicStories,
  pool: readonly Article[],
  topCount: number,
  exclude: ReadonlySet<string> = new Set(),
): ResolvedFront {
  const skipped: SkippedSlot[] = [];
  const used = new Set<string>();
  const named = (ref: FrontRef | undefined): Article | undefined => {
    if (!ref || !front) return undefined;
    const story = stories.bySlug.get(ref.slug);
    const skip = (reason: string) => {
      skipped.push({ file: front.label, line: ref.line, name: refName(ref), reason });
      return undefined;
    };
    if (!story) return skip("is not a public story (missing, scheduled, a draft or removed)");
    if (story.section.slug !== ref.section) return skip(`is in ${story.section.slug}, not ${ref.section}`);
    if (used.has(story.slug)) return skip("is named twice on this front");
    used.add(story.slug);
    return story;
  };
  const lead = named(front?.lead);
  const top: Article[] = [];
  for (const ref of front?.top ?? []) {
    const story = named(ref);
    if (story && top.length < topCount) top.push(story);
  }
  // The empty slots, newest first, skipping what the front already placed.
  const fill = fresh(pool, used, exclude);
  const finalLead = lead ?? fill.next().value;
  if (finalLead) used.add(finalLead.slug);
  while (top.length < topCount) {
    const next = fill.next();
    if (next.done) break;
    top.push(next.value);
  }
  return { ...(finalLead ? { lead: finalLead } : {}), top, skipped };
}

/** The stories of `pool` not yet used, in order; each one given is marked used. */
function* fresh(
  pool: readonly Article[],
  used: Set<string>,
  exclude: ReadonlySet<string>,
): Generator<Article, void> {
  for (const a of pool) {
    if (used.has(a.slug) || exclude.has(a.slug)) continue;
    used.add(a.slug);
    yield a;
  }
}

/** The first `count` stories of `pool` not in `exclude`, in order. */
export function newestExcept(
  pool: readonly Article[],
  exclude: ReadonlySet<string>,
  count: number,
): Article[] {
  const out: Article[] = [];
  for (const a of pool) {
    if (out.length >= count) break;
    if (!exclude.has(a.slug)) out.push(a);
  }
  return out;
}
