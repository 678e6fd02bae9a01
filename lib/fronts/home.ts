/**
 * The home page's stories, from the home front, the section fronts and the public stories: pure, so
 * the rules (named slots first, empty slots newest-first, no story twice in the upper blocks) are
 * tested beside it. The section front's page uses `sectionFront` alone.
 */
import type { Article } from "@/lib/content/article";
import type { SectionConfig } from "@/lib/config/site";
import { TOP_MAX, type Front } from "./front";
import { newestExcept, resolveFront, type PublicStories, type SkippedSlot } from "./resolve";

/** Top stories on the home page (a grid of three by two on a desktop). */
export const HOME_TOP = 6;
/** Stories in the "Latest" rail. */
const LATEST = 10;
/** Stories per section block on the home page. */
const SECTION_BLOCK = 4;
/** Top stories under a section front's lead: as many as a front may name. */
const SECTION_TOP = TOP_MAX;

export type SectionBlock = { section: SectionConfig; stories: Article[] };

export type HomeStories = {
  lead?: Article;
  top: Article[];
  latest: Article[];
  sections: SectionBlock[];
  skipped: SkippedSlot[];
};

export type HomeInput = {
  stories: PublicStories;
  home?: Front;
  /** Each section's front, by slug (absent: none). */
  sectionFronts: ReadonlyMap<string, Front>;
  sections: readonly SectionConfig[];
  /** A section's newest stories, newest first (a few more than a block shows). */
  sectionPool: (slug: string) => readonly Article[];
};

export function homeStories({ stories, home, sectionFronts, sections, sectionPool }: HomeInput): HomeStories {
  const upper = resolveFront(home, stories, stories.articles, HOME_TOP);
  const shown = new Set([upper.lead, ...upper.top].filter((a) => a !== undefined).map((a) => a.slug));
  const skipped = [...upper.skipped];
  // The front's order, then any section it leaves out, so no section disappears from home by omission.
  const order = [...(home?.sections ?? []), ...sections.map((s) => s.slug)];
  const blocks: SectionBlock[] = [];
  // Stories the upper part or an earlier block shows: none is shown twice (a section front may name a
  // story of another section).
  const placed = new Set(shown);
  for (const slug of new Set(order)) {
    const section = sections.find((s) => s.slug === slug);
    if (!section) continue;
    const block = resolveFront(
      sectionFronts.get(slug),
      stories,
      sectionPool(slug),
      SECTION_BLOCK - 1,
      placed,
    );
    skipped.push(...block.skipped);
    // A story shown above is not repeated in its section's block.
    const picked: Article[] = [];
    for (const a of [block.lead, ...block.top]) if (a && !placed.has(a.slug)) picked.push(a);
    // Topped up from the section's newest not shown anywhere above (a named slot dropped for that).
    const own = new Set(picked.map((a) => a.slug));
    for (const a of sectionPool(slug)) {
      if (picked.length >= SECTION_BLOCK) break;
      if (!own.has(a.slug) && !placed.has(a.slug)) picked.push(a);
    }
    // A section all of whose stories are shown above still has its block, with its newest story.
    const newest = sectionPool(slug)[0];
    if (picked.length === 0 && newest) picked.push(newest);
    for (const a of picked) placed.add(a.slug);
    if (picked.length > 0) blocks.push({ section, stories: picked });
  }
  return {
    ...(upper.lead ? { lead: upper.lead } : {}),
    top: upper.top,
    // The newest not already above: the rail adds stories rather than repeating the lead and top.
    latest: newestExcept(stories.articles, shown, LATEST),
    sections: blocks,
    skipped,
  };
}

/** A section front's page: its lead and top stories, then the rest of the section newest first. */
export function sectionFront(
  front: Front | undefined,
  stories: PublicStories,
  pool: readonly Article[],
): { lead?: Article; top: Article[]; rest: Article[]; skipped: SkippedSlot[] } {
  const r = resolveFront(front, stories, pool, SECTION_TOP);
  const placed = new Set([r.lead, ...r.top].filter((a) => a !== undefined).map((a) => a.slug));
  return { ...r, rest: pool.filter((a) => !placed.has(a.slug)) };
}
