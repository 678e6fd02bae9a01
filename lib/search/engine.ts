/**
 * The search index: SQLite FTS5 (porter stemming over unicode61) through better-sqlite3, kept in step
 * with a list of articles by `sync`, which adds, replaces and removes only what changed (articles are
 * compared by identity: the live store keeps an unchanged story's object). The caller decides what
 * goes in; lib/site/api.ts gives it only public stories, so search never shows an embargoed one.
 *
 * Rowids are the index's own keys in publication order (order.ts) with the section in the low bits,
 * so "newest" is FTS5's own rowid order (it stops after a page instead of sorting every match),
 * recency is the tie-break for relevance, and the section filter and per-section counts read rowids,
 * never stored text. What is kept beside the table (indexed.ts) changes only after the transaction
 * that changed the table has committed, so a failed write leaves both as they were.
 */
import SQLite from "better-sqlite3";
import type { Article } from "@/lib/content/article";
import { MARK_CLOSE, MARK_OPEN, splitMarks, type Highlighted } from "./highlight";
import { markdownToText } from "./plain-text";
import { IndexedDocs, type Doc } from "./indexed";
import { isCount, isMarked, isRowid, SECTION_MASK } from "./rows";

export type SearchSort = "relevance" | "newest";

export type SearchOptions = { section?: string; sort: SearchSort; page: number; perPage: number };

export type SearchHit = {
  article: Article;
  title: Highlighted;
  standfirst: Highlighted;
  snippet: Highlighted;
};

export type SearchResults = {
  /** Matches, counted up to COUNTED_MATCHES + 1. */
  total: number;
  /**
   * More than COUNTED_MATCHES stories match: say "more than", not a number. Then `total` and the
   * section counts are among the newest COUNTED_MATCHES + 1 matches.
   */
  capped: boolean;
  /** Matches in every section, whatever the section filter (the "All sections" count). */
  all: number;
  /** Matches per section slug, whatever the section filter, for the filter's counts. */
  bySection: Map<string, number>;
  hits: SearchHit[];
};

/**
 * A broad query (a word in most stories) is ranked among its newest this-many matches: relevance over
 * the whole archive would score every match on every request. Counts go further (COUNTED_MATCHES).
 */
const RANKED_MATCHES = 2000;

/**
 * Matches are counted among the newest this-many (plus one, to know there are more): a word in every
 * story would otherwise cost a walk over the whole archive for a number no reader needs exactly.
 */
export const COUNTED_MATCHES = 10_000;

/** Column weights for bm25: a word in the headline counts most, then topics and the standfirst. */
const WEIGHTS = { title: 10, standfirst: 4, body: 1, topics: 5 };
const COLUMNS = Object.keys(WEIGHTS);
/** Stories added per transaction while a large index is built, yielding to requests between. */
const CHUNK = 500;

export class SearchIndex {
  private readonly db: SQLite.Database;
  private readonly indexed: IndexedDocs;
  private synced: readonly Article[] | undefined;
  private queue: Promise<void> = Promise.resolve();

  /** `sections`: every section slug a story can have, for the per-section counts. */
  constructor(
    private readonly sections: readonly string[],
    file = ":memory:",
  ) {
    if (sections.length > SECTION_MASK + 1) throw new Error(`search: at most ${SECTION_MASK + 1} sections`);
    this.indexed = new IndexedDocs(sections);
    this.db = new SQLite(file);
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(${COLUMNS.join(", ")},
        tokenize = 'porter unicode61 remove_diacritics 2')`,
    );
  }

  /** How many stories are indexed. */
  get size(): number {
    return this.indexed.size;
  }

  /** True when the index holds exactly this list (the one last synced). */
  isSyncedTo(articles: readonly Article[]): boolean {
    return articles === this.synced;
  }

  /**
   * Brings the index to exactly `articles`; resolves true if anything changed. Calls run one after
   * another; a call with the list already indexed changes nothing. Large changes (the first build) go
   * in chunks so other requests run between.
   */
  sync(articles: readonly Article[]): Promise<boolean> {
    const next = this.queue.then(() => this.apply(articles));
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async apply(articles: readonly Article[]): Promise<boolean> {
    if (articles === this.synced) return false;
    // Planned before anything is written: a story that cannot be indexed throws here.
    const { removed, added } = this.indexed.changeTo(articles);
    this.commit(
      () => removed.forEach((d) => this.statement("DELETE FROM docs WHERE rowid = ?").run(BigInt(d.rowid))),
      () => this.indexed.forget(removed),
    );
    for (let i = 0; i < added.length; i += CHUNK) {
      const chunk = added.slice(i, i + CHUNK);
      this.commit(
        () => chunk.forEach((d) => this.insert(d)),
        () => this.indexed.remember(chunk),
      );
      if (i + CHUNK < added.length) await new Promise((resolve) => setImmediate(resolve));
    }
    this.synced = articles;
    return true;
  }

  /** Runs `write` in a transaction, then `after` (the maps) only once it has committed. */
  private commit(write: () => void, after: () => void): void {
    this.db.transaction(write)();
    after();
  }

  private insert({ article, rowid }: Doc): void {
    this.statement(
      `INSERT INTO docs(rowid, ${COLUMNS.join(", ")}) VALUES (?, ${COLUMNS.map(() => "?").join(", ")})`,
    ).run(
      BigInt(rowid),
      article.title,
      article.standfirst,
      // A live story is found by its updates' words too.
      [article.body, ...(article.live?.updates ?? []).map((u) => `${u.title ?? ""}\n\n${u.body}`)]
        .map(markdownToText)
        .join("\n"),
      article.topics.map((t) => t.name).join(", "),
    );
  }

  private readonly statements = new Map<string, SQLite.Statement>();

  private statement(sql: string): SQLite.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** One page of results for an FTS5 expression from parseQuery (never a reader's raw text). */
  search(match: string, options: SearchOptions): SearchResults {
    // Counts come from rowids alone (the section is in the rowid's low bits), never stored text.
    const bySection = new Map<string, number>();
    for (const row of this.rows(
      isCount,
      `SELECT s, count(*) AS n FROM (SELECT rowid & ${SECTION_MASK} AS s FROM docs WHERE docs MATCH ?
        ORDER BY rowid DESC LIMIT ${COUNTED_MATCHES + 1}) GROUP BY s`,
      match,
    )) {
      const section = this.sections[row.s];
      if (section) bySection.set(section, row.n);
    }
    const sectionIndex = options.section ? this.sections.indexOf(options.section) : -1;
    const counted = sum(bySection.values());
    const capped = counted > COUNTED_MATCHES;
    const total = options.section ? (bySection.get(options.section) ?? 0) : counted;
    const offset = (options.page - 1) * options.perPage;
    if (total === 0 || offset >= total) return { total, all: counted, capped, bySection, hits: [] };
    const where = `docs MATCH ?${sectionIndex >= 0 ? ` AND rowid & ${SECTION_MASK} = ${sectionIndex}` : ""}`;
    const page =
      options.sort === "newest"
        ? this.rows(
            isRowid,
            `SELECT rowid FROM docs WHERE ${where} ORDER BY rowid DESC LIMIT ? OFFSET ?`,
            match,
            options.perPage,
            offset,
          )
        : this.rows(
            isRowid,
            `SELECT rowid FROM docs WHERE ${where} AND rowid >= ?
             ORDER BY bm25(docs, ${Object.values(WEIGHTS).join(", ")}), rowid DESC LIMIT ? OFFSET ?`,
            match,
            BigInt(this.rankFloor(where, match, capped || total > RANKED_MATCHES)),
            options.perPage,
            offset,
          );
    // Highlights for the page's stories only: computed in the sort above, they would be made for every match.
    const hits: SearchHit[] = [];
    for (const { rowid } of page) {
      const doc = this.indexed.get(rowid);
      const [row] = this.rows(
        isMarked,
        `SELECT highlight(docs, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS title,
          highlight(docs, 1, '${MARK_OPEN}', '${MARK_CLOSE}') AS standfirst,
          snippet(docs, 2, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 28) AS snippet
         FROM docs WHERE docs MATCH ? AND rowid = ?`,
        match,
        BigInt(rowid),
      );
      if (!doc || !row) continue;
      hits.push({
        article: doc.article,
        title: splitMarks(row.title),
        standfirst: splitMarks(row.standfirst),
        snippet: splitMarks(row.snippet),
      });
    }
    return { total, all: counted, capped, bySection, hits };
  }

  /** The lowest rowid relevance ranks: all matches, or the newest RANKED_MATCHES of a broad query. */
  private rankFloor(where: string, match: string, broad: boolean): number {
    if (!broad) return Number.MIN_SAFE_INTEGER;
    const [row] = this.rows(
      isRowid,
      `SELECT rowid FROM docs WHERE ${where} ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
      match,
      RANKED_MATCHES - 1,
    );
    return row?.rowid ?? Number.MIN_SAFE_INTEGER;
  }

  private rows<T>(is: (row: unknown) => row is T, sql: string, ...params: (string | number | bigint)[]): T[] {
    return this.statement(sql)
      .all(...params)
      .filter(is);
  }

  close(): void {
    this.db.close();
  }
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
