/** The search index's rowids, and the shapes of its SELECT results (checked rather than cast). */

/** rowid = published ms × 1024 + a free slot (0-63) × 16 + the section's index (0-15). */
const SLOTS = 64;
export const SECTION_MASK = 15;

/** The first free rowid for a story published at `ms` in the section at `section`. */
export function rowidFor(ms: number, section: number, taken: (rowid: number) => boolean): number {
  const base = ms * (SLOTS * (SECTION_MASK + 1)) + section;
  for (let slot = 0; slot < SLOTS; slot++) {
    const rowid = base + slot * (SECTION_MASK + 1);
    if (!taken(rowid)) return rowid;
  }
  throw new Error(`search: over ${SLOTS} stories published in one millisecond`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

export function isRowid(v: unknown): v is { rowid: number } {
  return isObject(v) && typeof v.rowid === "number";
}

export function isCount(v: unknown): v is { s: number; n: number } {
  return isObject(v) && typeof v.s === "number" && typeof v.n === "number";
}

export function isMarked(v: unknown): v is { title: string; standfirst: string; snippet: string } {
  return (
    isObject(v) &&
    typeof v.title === "string" &&
    typeof v.standfirst === "string" &&
    typeof v.snippet === "string"
  );
}
