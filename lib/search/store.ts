/**
 * The process's one search index (shared by every route bundle through processSingleton), in a
 * temporary SQLite file (written by a worker thread, read on the server's), so the archive's text sits in SQLite's page cache and the OS's, not on the
 * JavaScript heap; plus a small cache of answered pages, emptied whenever the index changes.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Article } from "@/lib/content/article";
import { sectionSlugs } from "@/lib/config/site";
import { processAlive } from "@/lib/runtime/process-alive";
import { processSingleton } from "@/lib/runtime/singleton";
import { SearchIndex, type IndexProgress, type SearchOptions, type SearchResults } from "./engine";

/** Answered pages kept; popular searches repeat (a story in the news), the long tail does not. */
const CACHED_PAGES = 500;
/** Folders this module makes, and the only ones it ever removes (with a pid file inside). */
const PREFIX = "dispatch-search-index-";

type Store = { index: SearchIndex; pages: Map<string, SearchResults> };

function store(): Store {
  return processSingleton("search.store", () => ({
    index: new SearchIndex(sectionSlugs, indexFile()),
    pages: new Map(),
  }));
}

/** Brings the index to exactly these (public) stories; cheap when nothing changed. */
export async function syncSearch(articles: readonly Article[], { firstBuild = false } = {}): Promise<void> {
  const { index, pages } = store();
  if (index.isSyncedTo(articles)) return;
  // Pages answered while a large change was half applied are dropped with the rest.
  if (await index.sync(articles, { firstBuild })) pages.clear();
}

/** While the index is first being built: how far it has come (searches then answer from that). */
export function searchProgress(): IndexProgress | undefined {
  return store().index.progress();
}

/**
 * One page of results among the stories indexed so far: all of them once synced, or those written
 * yet while the first build runs (then marked `indexing`, and not kept). `match` comes from parseQuery.
 */
export function searchIndexed(match: string, options: SearchOptions): SearchResults {
  const { index, pages } = store();
  const indexing = index.progress();
  if (indexing) return { ...index.search(match, options), indexing };
  const key = JSON.stringify([match, options.section ?? "", options.sort, options.page, options.perPage]);
  const cached = pages.get(key);
  if (cached) {
    // Least recently used goes first: move this one to the end.
    pages.delete(key);
    pages.set(key, cached);
    return cached;
  }
  const results = index.search(match, options);
  pages.set(key, results);
  if (pages.size > CACHED_PAGES) pages.delete(pages.keys().next().value ?? key);
  return results;
}

/**
 * A fresh file in a folder of its own under the system's temp folder, removed when the process exits.
 * Folders this module made for processes that were killed are removed here.
 */
export function indexFile(tmp = os.tmpdir()): string {
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(tmp, name);
    // Only a folder with our pid file, whose process is gone; one without (a start killed between
    // making the folder and writing the file) is left: removing what is not provably ours is worse.
    const pidFile = path.join(dir, "pid");
    if (!existsSync(pidFile) || processAlive(Number(readFileSync(pidFile, "utf8")))) continue;
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(tmp, { recursive: true });
  const dir = mkdtempSync(path.join(tmp, PREFIX));
  writeFileSync(path.join(dir, "pid"), String(process.pid));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "index.sqlite");
}
