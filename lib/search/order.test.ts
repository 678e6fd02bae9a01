import { describe, expect, it } from "vitest";
import { comparePlaces, freshKeys, keysAmong, type Keyed, type Place } from "./order";

/** Adds `places` to `kept` with keysAmong, or renumbers everything with freshKeys when it says no. */
function add(kept: Keyed[], places: Place[]): { all: Keyed[]; renumbered: boolean } {
  const sorted = [...places].sort(comparePlaces);
  const keys = keysAmong(kept, sorted);
  const merged = (k: number[], list: Place[]) => list.map((place, i) => ({ place, key: k[i] ?? NaN }));
  if (!keys) {
    const everything = [...kept.map((k) => k.place), ...sorted].sort(comparePlaces);
    return { all: merged(freshKeys(everything.length), everything), renumbered: true };
  }
  const all = [...kept, ...merged(keys, sorted)].sort((a, b) => a.key - b.key);
  return { all, renumbered: false };
}

function expectOrdered(all: Keyed[]): void {
  const byPlace = [...all].sort((a, b) => comparePlaces(a.place, b.place));
  expect(all.map((k) => k.place)).toEqual(byPlace.map((k) => k.place));
  expect(new Set(all.map((k) => k.key)).size).toBe(all.length);
  for (const { key } of all) expect(Math.abs(key * 16 + 15)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
}

describe("search keys", () => {
  it("follow publication order, then slug, whatever order stories arrive in", () => {
    let all: Keyed[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 50; round++) {
      const batch = Array.from({ length: 1 + Math.floor(random() * 30) }, (_, i) => ({
        ms: Math.floor(random() * 5) * 1000,
        slug: `r${round}-${i}`,
      }));
      all = add(all, batch).all;
      expectOrdered(all);
    }
  });

  it("spread a batch of one instant across the gap it falls in, with room left between", () => {
    const kept = [
      { place: { ms: 0, slug: "a" }, key: 0 },
      { place: { ms: 2, slug: "z" }, key: 2 ** 20 },
    ];
    const keys = keysAmong(
      kept,
      Array.from({ length: 1000 }, (_, i) => ({ ms: 1, slug: `m${String(i).padStart(4, "0")}` })),
    );
    expect(keys).toHaveLength(1000);
    expect(Math.min(...(keys ?? []).slice(1).map((k, i) => k - (keys?.[i] ?? 0)))).toBeGreaterThan(1000);
  });

  it("ask for a renumbering when stories put one by one into one spot use its gap up", () => {
    let all: Keyed[] = freshKeys(2).map((key, i) => ({ place: { ms: 0, slug: `s${i}` }, key }));
    const renumbered: number[] = [];
    for (let i = 0; i < 60; i++) {
      const step = add(all, [{ ms: 0, slug: `s0-${String(i).padStart(2, "0")}` }]);
      if (step.renumbered) renumbered.push(i);
      all = step.all;
      expectOrdered(all);
    }
    expect(renumbered.length).toBeGreaterThan(0);
    expect(renumbered.length).toBeLessThan(5);
  });
});
