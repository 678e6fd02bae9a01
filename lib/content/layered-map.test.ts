import { describe, expect, it, vi } from "vitest";
import { LayeredMap } from "./layered-map";

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = (m: ReadonlyMap<string, number>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe("LayeredMap", () => {
  it("agrees with a copied Map after every edit of a long random walk, and never changes a map it came from", () => {
    const random = seeded(7);
    const start = new Map(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i]));
    let layered: ReadonlyMap<string, number> = start;
    let plain = new Map(start);
    const kept: [ReadonlyMap<string, number>, [string, number][]][] = [];
    for (let step = 0; step < 600; step++) {
      const draft = LayeredMap.edit(layered);
      const copy = new Map(plain);
      for (let n = Math.floor(random() * 12); n > 0; n--) {
        const key = `k${Math.floor(random() * 3600)}`;
        if (random() < 0.4) {
          draft.delete(key);
          copy.delete(key);
        } else {
          draft.set(key, step);
          copy.set(key, step);
        }
        expect(draft.get(key)).toBe(copy.get(key));
        expect(draft.has(key)).toBe(copy.has(key));
      }
      const before = layered;
      layered = draft.done();
      plain = copy;
      expect(layered.size).toBe(plain.size);
      for (let probe = 0; probe < 50; probe++) {
        const key = `k${Math.floor(random() * 3600)}`;
        expect(layered.get(key), key).toBe(plain.get(key));
        expect(layered.has(key), key).toBe(plain.has(key));
      }
      if (step % 50 === 0) {
        expect(sorted(layered)).toEqual(sorted(plain));
        kept.push([before, sorted(before)]);
      }
    }
    // Maps made earlier still hold what they held.
    for (const [map, entries] of kept) expect(sorted(map)).toEqual(entries);
    expect(start.size).toBe(3000);
  });

  it("makes a fresh map once the changes outgrow the layer (1,025 over a small base)", () => {
    const base = new Map(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    let map: ReadonlyMap<string, number> = base;
    for (let i = 0; i < 1025; i++) {
      const draft = LayeredMap.edit(map);
      draft.set(`n${i}`, 0);
      map = draft.done();
    }
    expect(map).toBeInstanceOf(Map);
    expect(map.size).toBe(1035);
    expect(map.get("n0")).toBe(0);
    expect([...map.keys()].length).toBe(1035);
  });

  // Review of 7922c5a: Next.js bundles a module once per route, so maps made by one copy of the
  // class were edited by another, each layer over the last: lookups walked thousands of levels.
  it("stays one layer over a plain Map when two copies of the module take turns", async () => {
    const one = (await import("./layered-map")).LayeredMap;
    vi.resetModules();
    const other = (await import("./layered-map")).LayeredMap;
    expect(other).not.toBe(one);
    const start = new Map(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    let map: ReadonlyMap<string, number> = start;
    const plain = new Map(start);
    for (let step = 0; step < 3000; step++) {
      const draft = (step % 2 === 0 ? one : other).edit(map);
      draft.set(`k${step % 150}`, step);
      plain.set(`k${step % 150}`, step);
      if (step % 7 === 0) {
        draft.delete(`k${(step * 3) % 150}`);
        plain.delete(`k${(step * 3) % 150}`);
      }
      map = draft.done();
    }
    expect(sorted(map)).toEqual(sorted(plain));
    // One layer: its base is a plain Map, whichever copy made it.
    const base: unknown = Reflect.get(map, "base");
    expect(map instanceof Map || base instanceof Map).toBe(true);
  });

  it("refuses a change to a draft after done(), which would change the map it made", () => {
    const draft = LayeredMap.edit(new Map([["a", 1]]));
    draft.set("b", 2);
    const map = draft.done();
    expect(() => draft.set("c", 3)).toThrow(/after done/);
    expect(() => draft.delete("a")).toThrow(/after done/);
    expect([...map.keys()].sort()).toEqual(["a", "b"]);
  });
});
