/**
 * The search index's own keys. A story's key follows publication order (then slug, for stories of one
 * instant), so FTS5's rowid order is "newest first" and a query stops after a page instead of sorting
 * every match (a separate `published` column sorted per query was ~10× slower for a word in every one
 * of 100k stories). Keys are not derived from the time, so any number of stories can share an
 * instant: a new story takes a key in the gap between its neighbours, and a batch falling in one gap
 * is spread across it. Only when a gap has no room left (about 20 stories put one by one into the
 * same spot) does every story get a fresh key, which rewrites the index once.
 */

/** Where a story sorts: its publication time in ms, then its slug (unique in the index). */
export type Place = { ms: number; slug: string };
export type Keyed = { place: Place; key: number };

/** Space between neighbouring keys when there is room: at the ends of the order and when renumbered. */
const GAP = 2 ** 20;
/** Keys stay within ±MAX_KEY, so key × 16 + section is a safe integer (rowids come back as numbers). */
const MAX_KEY = 2 ** 48;

export function comparePlaces(a: Place, b: Place): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/**
 * Keys for `added` (sorted by comparePlaces, none of them in `kept`) that keep the order of `kept`
 * (sorted, with keys ascending); undefined when some gap is too small for the stories falling in it.
 */
export function keysAmong(kept: readonly Keyed[], added: readonly Place[]): number[] | undefined {
  const keys: number[] = [];
  let k = 0;
  for (let i = 0; i < added.length;) {
    const first = added[i];
    if (!first) break;
    k = firstNotBefore(kept, first, k);
    const high = kept[k];
    // added[i..j) all fall between kept[k - 1] and kept[k].
    let j = i + 1;
    while (j < added.length && (!high || comparePlaces(added[j] ?? first, high.place) < 0)) j++;
    const between = spread(kept[k - 1]?.key, high?.key, j - i);
    if (!between) return undefined;
    keys.push(...between);
    i = j;
  }
  return keys;
}

/** The first index at or after `from` whose place is not before `place` (binary search). */
function firstNotBefore(kept: readonly Keyed[], place: Place, from: number): number {
  let low = from;
  let high = kept.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = kept[mid];
    if (at && comparePlaces(at.place, place) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Fresh keys for `n` stories in order, centred on 0 so there is room before and after. */
export function freshKeys(n: number): number[] {
  const step = Math.max(1, Math.min(GAP, Math.floor(MAX_KEY / Math.max(n, 1))));
  const first = -step * Math.floor(n / 2);
  return Array.from({ length: n }, (_, i) => first + i * step);
}

/** `n` keys strictly between `low` and `high` (either may be open), evenly spread. */
function spread(low: number | undefined, high: number | undefined, n: number): number[] | undefined {
  const step = low !== undefined && high !== undefined ? Math.floor((high - low) / (n + 1)) : GAP;
  const base = low ?? (high !== undefined ? high - step * (n + 1) : -step * (Math.floor(n / 2) + 1));
  const keys = Array.from({ length: n }, (_, i) => base + step * (i + 1));
  const last = keys.at(-1) ?? base;
  if (step < 1 || base + step < -MAX_KEY || last > MAX_KEY) return undefined;
  return keys;
}
