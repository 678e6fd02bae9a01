/**
 * What the search index holds, beside its SQLite table: each story by slug and by rowid, and all of
 * them in key order, to give new stories keys (order.ts). The engine changes these only after the
 * transaction that changed the table has committed, so the two never disagree.
 */
import type { Article } from "@/lib/content/article";
import { comparePlaces, freshKeys, keysAmong, type Place } from "./order";
import { rowidOf } from "./rows";

/**
 * An indexed story. Rowids go up to about ±2^52: within a JS number, but bound as a double they would
 * be compared as REAL, which FTS5's rowid lookup gets wrong (every row matched). So every statement
 * binds them as BigInt.
 */
export type Doc = { article: Article; place: Place; key: number; rowid: number };

/** What to write to bring the index to a list: rows to delete, then rows to insert (keys ascending). */
type Change = { removed: readonly Doc[]; added: readonly Doc[] };

export class IndexedDocs {
  private readonly bySlug = new Map<string, Doc>();
  private readonly byRowid = new Map<number, Doc>();
  /** Every indexed story, keys ascending. */
  private order: Doc[] = [];

  /** `sections`: the section slugs in the order of their index in a rowid's low bits. */
  constructor(private readonly sections: readonly string[]) {}

  get size(): number {
    return this.bySlug.size;
  }

  get(rowid: number): Doc | undefined {
    return this.byRowid.get(rowid);
  }

  /**
   * The change that brings the index to exactly `articles` (compared by identity). When some gap
   * between keys has no room for the stories falling in it, every story is given a fresh key: all
   * rows out, all in. Throws, before anything is written, on a story it cannot index.
   */
  changeTo(articles: readonly Article[]): Change {
    const { removed, added } = this.difference(articles);
    const gone = new Set(removed);
    const kept = gone.size === 0 ? this.order : this.order.filter((d) => !gone.has(d));
    const fresh = placed(added);
    const keys = keysAmong(
      kept,
      fresh.map((a) => a.place),
    );
    if (keys) return { removed, added: this.docs(fresh, keys) };
    const all = placed(articles);
    return { removed: this.order, added: this.docs(all, freshKeys(all.length)) };
  }

  /**
   * The indexed stories that `articles` no longer holds (or holds changed), and the stories it holds
   * that are not indexed. One walk of both lists in the content index's order (newest first, ties by
   * slug: sortNewest), comparing by identity: an unchanged story costs a pointer comparison, no
   * lookup, so a publish at 100k stories does not spend the server's thread on the whole archive
   * (a Map of every slug took ~0.7 s per change there). A list in another order gives the same
   * answer, less cheaply: what the walk cannot pair is removed and added again.
   */
  private difference(articles: readonly Article[]): { removed: Doc[]; added: Article[] } {
    const removed: Doc[] = [];
    const added: Article[] = [];
    const docs = new NewestFirst(this.order);
    for (const a of articles) {
      // Docs before `a` in the list's order are not in the list (as they are): removed.
      let d = docs.current;
      while (d && d.article !== a && newerFirst(d.place, placeOf(a)) < 0) {
        removed.push(d);
        d = docs.next();
      }
      if (d && d.article === a) {
        docs.next();
        continue;
      }
      added.push(a);
      // The same story changed (same place, another object): its old row goes.
      if (d && newerFirst(d.place, placeOf(a)) === 0) {
        removed.push(d);
        docs.next();
      }
    }
    for (let d = docs.current; d; d = docs.next()) removed.push(d);
    return { removed, added };
  }

  /** Stories just written (keys ascending). */
  remember(docs: readonly Doc[]): void {
    for (const d of docs) {
      this.bySlug.set(d.article.slug, d);
      this.byRowid.set(d.rowid, d);
    }
    this.order = mergeByKey(this.order, docs);
  }

  /** Stories just deleted. */
  forget(docs: readonly Doc[]): void {
    if (docs.length === 0) return;
    const gone = new Set(docs);
    for (const d of docs) {
      this.bySlug.delete(d.article.slug);
      this.byRowid.delete(d.rowid);
    }
    this.order = this.order.filter((d) => !gone.has(d));
  }

  private docs(list: readonly { article: Article; place: Place }[], keys: readonly number[]): Doc[] {
    return list.map(({ article, place }, i) => {
      const section = this.sections.indexOf(article.section.slug);
      if (section < 0) throw new Error(`search: unknown section "${article.section.slug}"`);
      const key = keys[i] ?? NaN;
      return { article, place, key, rowid: rowidOf(key, section) };
    });
  }
}

/** Articles with their places, in place order. */
function placed(articles: readonly Article[]): { article: Article; place: Place }[] {
  return articles
    .map((article) => ({ article, place: placeOf(article) }))
    .sort((a, b) => comparePlaces(a.place, b.place));
}

function placeOf(article: Article): Place {
  const ms = Date.parse(article.published);
  if (Number.isNaN(ms)) throw new Error(`search: "${article.slug}" has no valid publication time`);
  return { ms, slug: article.slug };
}

/** The content index's order (sortNewest): newest first, ties by slug ascending. */
function newerFirst(a: Place, b: Place): number {
  return b.ms - a.ms || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Docs (kept in place order, oldest first) in the content index's order: newest first, ties by slug.
 * A cursor, not a generator: this is the loop a publish at 100k stories runs 100k times.
 */
class NewestFirst {
  /** The docs of one instant are order[low, high); `at` walks them up. */
  private low: number;
  private high: number;
  private at: number;
  current: Doc | undefined;

  constructor(private readonly order: readonly Doc[]) {
    this.low = this.high = this.at = order.length;
    this.current = this.next();
  }

  next(): Doc | undefined {
    if (this.at >= this.high) {
      this.high = this.low;
      if (this.high === 0) return (this.current = undefined);
      const ms = this.order[this.high - 1]?.place.ms;
      this.low = this.high - 1;
      while (this.low > 0 && this.order[this.low - 1]?.place.ms === ms) this.low--;
      this.at = this.low;
    }
    return (this.current = this.order[this.at++]);
  }
}

/** Two lists sorted by key, as one. */
function mergeByKey(a: readonly Doc[], b: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.key < y.key)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  return out;
}
