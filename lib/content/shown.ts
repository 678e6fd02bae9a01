/**
 * The lists of other stories this process's pages have shown ("Also worth reading", a body's "Read
 * also"), recorded as they render, so a change to a story refreshes the pages that show it and no
 * others (lib/content/touched.ts). One entry per list, replaced each time its page renders again.
 *
 * Per process, like the page cache it describes: every instance refreshes its own pages. A new
 * process starts with nothing recorded and refreshes every page once (lib/content/refresh.ts), so
 * no page rendered before it can be missed.
 */
import { processSingleton } from "@/lib/runtime/singleton";
import type { ShownList } from "./touched";

function lists(): Map<string, ShownList> {
  return processSingleton("content.shown", () => new Map<string, ShownList>());
}

/** Records the list a page (or pages) showed; `key` names the list, e.g. `related:/world/x`. */
export function recordShown(key: string, list: ShownList): void {
  lists().set(key, list);
}

/** Forgets a list its page no longer shows (a body that names no story). */
export function forgetShown(key: string): void {
  lists().delete(key);
}

export function shownLists(): Iterable<ShownList> {
  return lists().values();
}
