/**
 * Whether Most read's order changed since its pages were last refreshed: a flag of its own, so the
 * refresh (lib/site/api.ts, loaded by every page) does not load the database to read it.
 */
import { processSingleton } from "@/lib/runtime/singleton";

function flag(): { moved: boolean } {
  return processSingleton("reads.moved", () => ({ moved: false }));
}

export function markRankingMoved(): void {
  flag().moved = true;
}

/** True once after the ranking's order changed: its pages are due a refresh. */
export function takeRankingMoved(): boolean {
  const f = flag();
  const moved = f.moved;
  f.moved = false;
  return moved;
}
