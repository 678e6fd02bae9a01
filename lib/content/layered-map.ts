/**
 * A map made from another by a few changes, without copying it. The content index's slug and media
 * maps hold every story (100k at scale), and each change made a new copy of both, plus one for the
 * public view: ~20 ms each on the server's thread and tens of megabytes of garbage per publish
 * (ADR 0014). A layered map shares its base and keeps only what changed since; once the changes
 * grow past a share of the base, the next edit makes a fresh map, so lookups stay two probes.
 *
 * Iteration gives every entry once, in no promised order (the base's, then new keys).
 *
 * Next.js bundles this module into each route that imports it (the watcher's, the revalidate
 * route's, the pages'), so a map may come from another copy of this class: it is known by a brand
 * shared across copies (Symbol.for), never by `instanceof`, and is edited by its own copy's code.
 */
const GONE: unique symbol = Symbol("gone");
const LAYERED: unique symbol = Symbol.for("dispatch.layeredMap");

function isLayered<K, V>(map: ReadonlyMap<K, V>): map is LayeredMap<K, V> {
  return LAYERED in map && map[LAYERED] === true;
}

/** Changes kept over a base before an edit makes a fresh map: at least this many, or 1/16 of it. */
const MIN_LAYER = 1024;

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly [LAYERED] = true;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changes: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
  ) {}

  get(key: K): V | undefined {
    const changed = this.changes.get(key);
    if (changed === GONE) return undefined;
    return changed !== undefined || this.changes.has(key) ? changed : this.base.get(key);
  }

  has(key: K): boolean {
    const changed = this.changes.get(key);
    if (changed === GONE) return false;
    return this.changes.has(key) || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (!this.changes.has(key)) yield [key, value];
    }
    for (const [key, value] of this.changes) if (value !== GONE) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /**
   * A draft of a map like `from`: `set` and `delete` on it, then `done()` for the new map. `from`
   * is never changed.
   */
  static edit<K, V>(from: ReadonlyMap<K, V>): MapDraft<K, V> {
    return isLayered(from) ? from.draft() : draftOver(from, new Map(), from.size);
  }

  private draft(): MapDraft<K, V> {
    return draftOver(this.base, new Map(this.changes), this.size);
  }

  /** The map a draft makes: layered over `base`, or fresh once the changes are many. */
  static made<K, V>(
    base: ReadonlyMap<K, V>,
    changes: Map<K, V | typeof GONE>,
    size: number,
  ): ReadonlyMap<K, V> {
    const layered = new LayeredMap<K, V>(base, changes, size);
    // Only ever one layer over a plain Map: a base of any other kind is made into one here.
    const many = changes.size > Math.max(MIN_LAYER, base.size / 16);
    return many || !(base instanceof Map) ? new Map(layered) : layered;
  }
}

function draftOver<K, V>(
  base: ReadonlyMap<K, V>,
  changes: Map<K, V | typeof GONE>,
  size: number,
): MapDraft<K, V> {
  let done = false;
  const open = () => {
    if (done) throw new Error("layered map: a draft is not changed after done()");
  };
  const draft: MapDraft<K, V> = {
    get: (key) => {
      const changed = changes.get(key);
      if (changed === GONE) return undefined;
      return changed !== undefined || changes.has(key) ? changed : base.get(key);
    },
    has: (key) => {
      const changed = changes.get(key);
      return changed !== GONE && (changes.has(key) || base.has(key));
    },
    set: (key, value) => {
      open();
      if (!draft.has(key)) size += 1;
      changes.set(key, value);
    },
    delete: (key) => {
      open();
      if (!draft.has(key)) return;
      size -= 1;
      // A key the base never had needs no mark: it is simply not there.
      if (base.has(key)) changes.set(key, GONE);
      else changes.delete(key);
    },
    done: () => {
      open();
      done = true;
      return LayeredMap.made(base, changes, size);
    },
  };
  return draft;
}

export type MapDraft<K, V> = {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): void;
  delete(key: K): void;
  /** The map with the draft's changes: layered over the same base, or fresh once they are many. */
  done(): ReadonlyMap<K, V>;
};
