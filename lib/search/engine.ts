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
 * that changed the table has committed, so a failed write leaves both as they were. The table is
 * written on a worker thread (writer.ts) and read here.
 */
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import type { Article, LiveUpdate } from "@/lib/content/article";
import { PACKED_WINDOW_BITS } from "@/lib/content/body";
import { packedBodyOf } from "@/lib/content/reshape";
import { MARK_CLOSE, MARK_OPEN, splitMarks, type Highlighted } from "./highlight";
import { IndexedDocs, type Doc } from "./indexed";
import { giveWayToPages } from "./pace";
import { isCount, isMarked, isRowid, isStoryUpdate, SECTION_MASK } from "./rows";
import { IndexWriter, type Row } from "./writer";

export type SearchSort = "relevance" | "newest";

export type SearchOptions = { section?: string; sort: SearchSort; page: number; perPage: number };

export type SearchHit = {
  article: Article;
  title: Highlighted;
  standfirst: Highlighted;
  snippet: Highlighted;
  /** A live story found by the words of one of its updates: that update (the best match). */
  update?: LiveUpdate;
};

export type SearchResults = {
  /** Set while the index is still being built (server start-up): these are the results so far. */
  indexing?: IndexProgress;
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
const TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'";
/** Stories written per transaction while a large index is built; searches see each batch. */
const CHUNK = 500;

/** While a large change is written (the first build): how far it has come. */
export type IndexProgress = { indexed: number; total: number };

export class SearchIndex {
  private readonly writer: IndexWriter;
  private reader: SQLite.Database | undefined;
  private readonly indexed: IndexedDocs;
  private synced: readonly Article[] | undefined;
  private queue: Promise<void> = Promise.resolve();
  private building: { total: number } | undefined;

  /**
   * `sections`: every section slug a story can have, for the per-section counts. `file`: the SQLite
   * file, written by a worker thread (index-worker.mjs) and read here.
   */
  constructor(
    private readonly sections: readonly string[],
    private readonly file: string,
    workerFile?: string,
  ) {
    if (sections.length > SECTION_MASK + 1) throw new Error(`search: at most ${SECTION_MASK + 1} sections`);
    this.indexed = new IndexedDocs(sections);
    this.writer = new IndexWriter(
      {
        file,
        // A live story's updates have rows of their own too (`updates`, keyed through `update_ids`),
        // so a search can name the update that matched; `docs` holds their words as well.
        createSql: `CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(${COLUMNS.join(", ")}, ${TOKENIZE});
          CREATE VIRTUAL TABLE IF NOT EXISTS updates USING fts5(text, ${TOKENIZE});
          CREATE TABLE IF NOT EXISTS update_ids(rowid INTEGER PRIMARY KEY, story INTEGER NOT NULL, id TEXT NOT NULL);
          CREATE INDEX IF NOT EXISTS update_ids_story ON update_ids(story);`,
        insertSql: `INSERT INTO docs(rowid, ${COLUMNS.join(", ")}) VALUES (?, ${COLUMNS.map(() => "?").join(", ")})`,
        windowBits: PACKED_WINDOW_BITS,
      },
      workerFile,
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

  /** While a large change is being written (the first build at start-up), how far it has come. */
  progress(): IndexProgress | undefined {
    return this.building ? { indexed: this.indexed.size, total: this.building.total } : undefined;
  }

  /**
   * Brings the index to exactly `articles`; resolves true if anything changed. Calls run one after
   * another; a call with the list already indexed changes nothing. Large changes go in batches; with
   * `firstBuild` (server start-up, an empty index) searches meanwhile answer from those written so far.
   */
  sync(articles: readonly Article[], { firstBuild = false } = {}): Promise<boolean> {
    // The first build of an empty index (server start-up) only, known at once, before the queue
    // reaches this call: a search arriving now answers from what is in so far. Any other change,
    // a large removal above all, is waited for: a search must never show a story no longer public.
    const large = firstBuild && this.indexed.size === 0 && articles.length > CHUNK;
    if (large) this.building = { total: articles.length };
    const next = this.queue.then(() => this.apply(articles));
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    if (large) void next.finally(() => (this.building = undefined)).catch(() => undefined);
    return next;
  }

  private async apply(articles: readonly Article[]): Promise<boolean> {
    if (articles === this.synced) return false;
    await this.open();
    // Planned before anything is written: a story that cannot be indexed throws here.
    const { removed, added } = this.indexed.changeTo(articles);
    if (removed.length > 0) {
      await this.writer.write(
        removed.map((d) => d.rowid),
        [],
      );
      this.indexed.forget(removed);
    }
    for (let i = 0; i < added.length; i += CHUNK) {
      const chunk = added.slice(i, i + CHUNK);
      const started = performance.now();
      const loop = performance.eventLoopUtilization();
      await this.writer.write([], chunk.map(toRow));
      // Only once the batch has committed: the maps never name a row the table does not have.
      this.indexed.remember(chunk);
      if (this.building) await giveWayToPages(loop, performance.now() - started);
    }
    this.synced = articles;
    return true;
  }

  /** The reader, once the writer has made the table. */
  private async open(): Promise<void> {
    if (this.reader) return;
    await this.writer.ready();
    this.reader ??= new SQLite(this.file, { readonly: true, fileMustExist: true });
  }

  private readonly statements = new Map<string, SQLite.Statement>();

  private statement(db: SQLite.Database, sql: string): SQLite.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = db.prepare(sql)));
    return s;
  }

  /** One page of results for an FTS5 expression from parseQuery (never a reader's raw text). */
  search(match: string, options: SearchOptions): SearchResults {
    if (!this.reader) return { total: 0, all: 0, capped: false, bySection: new Map(), hits: [] };
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
    const updates = this.matchedUpdates(
      page.map((r) => r.rowid),
      match,
    );
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
      const id = updates.get(rowid);
      const update = id === undefined ? undefined : doc.article.live?.updates.find((u) => u.id === id);
      hits.push({
        article: doc.article,
        title: splitMarks(row.title),
        standfirst: splitMarks(row.standfirst),
        snippet: splitMarks(row.snippet),
        ...(update ? { update } : {}),
      });
    }
    return { total, all: counted, capped, bySection, hits };
  }

  /**
   * For the page's live stories, the update that matches every word of `match` best (by story
   * rowid). One query per page: FTS5 matches across every live story's updates before the story
   * filter applies, so a query per hit would repeat that work for each.
   */
  private matchedUpdates(rowids: readonly number[], match: string): Map<number, string> {
    const best = new Map<number, string>();
    const live = rowids.filter((rowid) => this.indexed.get(rowid)?.article.live?.updates.length);
    if (live.length === 0) return best;
    const rows = this.rows(
      isStoryUpdate,
      `SELECT update_ids.story AS story, update_ids.id AS id FROM updates
       JOIN update_ids ON update_ids.rowid = updates.rowid
       WHERE updates MATCH ? AND update_ids.story IN (${live.map(() => "?").join(", ")})
       ORDER BY bm25(updates)`,
      match,
      ...live.map((rowid) => BigInt(rowid)),
    );
    for (const { story, id } of rows) if (!best.has(story)) best.set(story, id);
    return best;
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
    if (!this.reader) return [];
    return this.statement(this.reader, sql)
      .all(...params)
      .filter(is);
  }

  async close(): Promise<void> {
    await this.writer.close();
    this.reader?.close();
    this.reader = undefined;
  }
}

/**
 * A story as the writer thread stores it. The body goes packed where it can (inflated and turned to
 * text there: at 100k stories, inflating and copying every body cost this thread seconds while the
 * first build ran beside the pages), else as text.
 */
function toRow({ article, rowid }: Doc): Row {
  const packed = packedBodyOf(article);
  // A live story is found by its updates' words too, and each update by its own.
  const updates = (article.live?.updates ?? []).map((u) => ({
    id: u.id,
    text: `${u.title ?? ""}\n\n${u.body}`,
  }));
  const texts = updates.map((u) => u.text);
  return {
    rowid,
    title: article.title,
    standfirst: article.standfirst,
    ...(packed ? { packed } : {}),
    texts: packed ? texts : [article.body, ...texts],
    topics: article.topics.map((t) => t.name).join(", "),
    ...(updates.length > 0 ? { updates } : {}),
  };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
