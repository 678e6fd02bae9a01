/**
 * A publish refreshes the pages it touches (lib/content/touched.ts), not the site (ADR 0011). This
 * process remembers the public view it last refreshed for and compares the current one with it.
 * The first refresh of a process (its start) has nothing to compare with, so it refreshes every
 * page once: pages prerendered at build time, or kept on disk from before a restart, may be stale.
 */
import { processSingleton } from "@/lib/runtime/singleton";
import type { ContentIndex } from "./content-index";
import { shownLists } from "./shown";
import { touchedPaths } from "./touched";

export type Refresh = { everything: true } | { everything: false; paths: string[] };

/** What to refresh now that readers see `current`; synchronous, so two calls never compare the same view. */
export function takeRefresh(current: ContentIndex): Refresh {
  const state = processSingleton<{ last?: ContentIndex }>("content.refreshed", () => ({}));
  const last = state.last;
  state.last = current;
  if (!last) return { everything: true };
  const paths = touchedPaths(last, current, shownLists());
  return paths === "everything" ? { everything: true } : { everything: false, paths };
}
