/** The search index's rowids, and the shapes of its SELECT results (checked rather than cast). */

/** rowid = the story's key (order.ts) × 16 + the section's index (0-15). */
export const SECTION_MASK = 15;

export function rowidOf(key: number, section: number): number {
  return key * (SECTION_MASK + 1) + section;
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

export function isStoryUpdate(v: unknown): v is { story: number; id: string } {
  return isObject(v) && typeof v.story === "number" && typeof v.id === "string";
}
