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
    const wanted = new Map(articles.map((a) => [a.slug, a]));
    const stays = (d: Doc) => wanted.get(d.article.slug) === d.article;
    const added = placed(articles.filter((a) => this.bySlug.get(a.slug)?.article !== a));
    const keys = keysAmong(
      this.order.filter(stays),
      added.map((a) => a.place),
    );
    if (keys) return { removed: this.order.filter((d) => !stays(d)), added: this.docs(added, keys) };
    const all = placed(articles);
    return { removed: this.order, added: this.docs(all, freshKeys(all.length)) };
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
    .map((article) => {
      const ms = Date.parse(article.published);
      if (Number.isNaN(ms)) throw new Error(`search: "${article.slug}" has no valid publication time`);
      return { article, place: { ms, slug: article.slug } };
    })
    .sort((a, b) => comparePlaces(a.place, b.place));
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
