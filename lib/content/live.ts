/**
 * The content a running server answers from, kept current without a rebuild. It holds one entry per
 * content file; a change re-reads only the files it names (or, for a full rescan, the files whose
 * size or modification time moved) and rebuilds the derived index from the entries.
 *
 * A save that does not validate (broken YAML, a missing field, a half-written file) never takes a
 * story down: the file's last good version stays live, the problem is logged in the words
 * `npm run content:check` uses, and the next good save replaces it.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { indexEntries, photosOf, type ContentIndex } from "./content-index";
import {
  entryKey,
  entryPath,
  isArticleFileName,
  isStoryPath,
  listMarkdownFiles,
  readEntry,
  scanContent,
  SLICE_MS,
} from "./load";
import type { AnyEntry } from "./entries";
import { ContentError, formatProblem, type ContentProblem } from "./problems";
import { reindexEntries } from "./reindex";
import { timeSlices } from "@/lib/runtime/limit";
import type { ImageCache } from "./images";
import { readSnapshot, writeSnapshot } from "./snapshot";
import { statContent } from "./stat";
import { updateTombstones, type Tombstones } from "./tombstones";

export type LiveContent = {
  readonly dirs: readonly string[];
  /** The index readers are served from; replaced whole on every change, never mutated. */
  index: ContentIndex;
  /** Bumped on every change that readers can see. */
  version: number;
  /** Stories and the updates of live stories, by entry key. */
  entries: Map<string, AnyEntry>;
  /** Files whose latest save is broken, by entry key; their last good version (if any) stays live. */
  broken: Map<string, ContentProblem[]>;
  /** Modification time of each hero image file when it was last read. */
  imageTimes: Map<string, number>;
  /** Stories deleted while public, whose URLs answer 410 (lib/content/tombstones.ts). */
  removed: Tombstones;
  /** The index's last build named no problem: a plain change may then be applied to it (reindex.ts). */
  clean: boolean;
};

export type ChangeReport = { changed: boolean; problems: ContentProblem[] };

type Log = (line: string) => void;

/**
 * Loads every folder. With `strict` (a build), any problem fails; otherwise (a running server) bad
 * files are logged and left out, and the rest is served.
 */
export async function loadLiveContent(
  dirs: readonly string[],
  {
    strict,
    log = console.error,
    snapshot,
    stillCurrent,
  }: {
    strict: boolean;
    log?: Log;
    /** The start-up's snapshot file (snapshot.ts); `stillCurrent`: see writeSnapshot. */
    snapshot?: string;
    stillCurrent?: () => boolean;
  },
): Promise<LiveContent> {
  const stored = snapshot ? await readSnapshot(snapshot, dirs, log) : new Map<string, AnyEntry>();
  const scanned = await scanContent(dirs, undefined, stored);
  const entries = new Map(scanned.entries.map((e) => [e.key, e]));
  if (stored.size > 0)
    console.info(`content: ${scanned.reused} of ${scanned.entries.length} files from the snapshot`);
  const { index, problems } = indexEntries(entries.values());
  const all = [...scanned.problems, ...problems];
  if (strict && all.length > 0) throw new ContentError(all);
  for (const p of all) log(`content: not published: ${formatProblem(p)}`);
  if (snapshot && (scanned.reused < scanned.entries.length || stored.size !== scanned.entries.length)) {
    // Not awaited: serving starts meanwhile (it writes in slices). The next start reads it.
    const started = Date.now();
    // A copy of the list: changes applied meanwhile must not be half in it.
    writeSnapshot(snapshot, dirs, [...entries.values()], stillCurrent).then(
      (written) => {
        if (written)
          console.info(`content: snapshot of ${entries.size} files written in ${Date.now() - started} ms`);
      },
      (error: unknown) =>
        log(`content: snapshot not written (${String(error)}); the next start reads every file`),
    );
  }
  const live: LiveContent = {
    dirs,
    index,
    version: 1,
    entries,
    broken: new Map(),
    imageTimes: new Map(),
    removed: new Map(),
    clean: problems.length === 0,
  };
  await recordImageTimes(live, entries.values());
  return live;
}

/** A changed path as a file event names it: the folder it is in and its path relative to that folder. */
export type ChangedPath = { dir: string; file: string };

/**
 * Applies changes to the named files: Markdown files are re-read; an image file re-reads the stories
 * that use it (its URL carries a hash of its bytes, so a replaced photo gets a new URL).
 */
export async function applyChanges(
  live: LiveContent,
  changed: readonly ChangedPath[],
  log: Log = console.error,
): Promise<ChangeReport> {
  const markdown = new Map<string, ChangedPath>();
  const add = (c: ChangedPath) => markdown.set(entryKey(live.dirs, c.dir, c.file), c);
  for (const c of changed) {
    const file = c.file.split(path.sep).join("/");
    if (isMarkdown(file)) add({ dir: c.dir, file });
    else if (isImage(file)) {
      const abs = path.join(c.dir, file);
      for (const e of live.entries.values()) if (usesFile(e, abs)) add(e);
    } else {
      // A folder: removed, or renamed into place whole (sync tools do both), the watch may name only
      // the folder. Re-read the stories known under it and whatever Markdown is in it now.
      for (const e of live.entries.values()) if (e.dir === c.dir && e.file.startsWith(`${file}/`)) add(e);
      const inside = await listMarkdownFiles(path.join(c.dir, file)).catch(() => []);
      for (const f of inside) if (isStoryPath(`${file}/${f}`)) add({ dir: c.dir, file: `${file}/${f}` });
    }
  }
  return reread(live, [...markdown.values()], log);
}

/**
 * Compares every file's size and modification time with what was read, and re-reads only those that
 * moved, appeared or vanished. For when file events are not available (network file systems) and
 * for pipelines that push content and then call the publish trigger.
 */
export async function rescan(live: LiveContent, log: Log = console.error): Promise<ChangeReport> {
  return reread(live, await findChanges(live, log), log);
}

/** Entries compared between yields to requests: at 100k stories the comparison is ~20 slices. */
const SLICE = 5_000;

/**
 * The files a rescan would re-read. The walk and the stats run on a worker thread
 * (lib/content/stat.ts); this thread compares them with the entries in slices, so it can run while
 * other changes are applied and never holds up requests for long (at 100k stories the walk takes
 * seconds); a file both changed by an event and found here is simply read twice. A folder that
 * cannot be listed is logged and left as it is: an unreadable mount must not unpublish its stories.
 */
export async function findChanges(live: LiveContent, log: Log = console.error): Promise<ChangedPath[]> {
  const images = [...live.imageTimes.keys()];
  const stats = await statContent(live.dirs, images);
  const candidates: ChangedPath[] = [];
  const unlisted = new Set<number>();
  let done = 0;
  // Entries found listed: when that is all of them, none vanished, and no set of 100k keys is made.
  let found = 0;
  for (const [d, dir] of live.dirs.entries()) {
    const listing = stats.folders[d];
    if (!listing?.ok) {
      unlisted.add(d);
      log(`content: rescan could not list ${dir}: ${listing?.error ?? "no answer"}`);
      continue;
    }
    for (const [i, f] of listing.files.entries()) {
      if (++done % SLICE === 0) await yieldToRequests();
      const key = entryKey(live.dirs, dir, f);
      const known = live.entries.get(key);
      if (known) found++;
      const mtimeMs = listing.mtimes[i] ?? NaN;
      if (Number.isNaN(mtimeMs)) continue;
      if (!known || known.mtimeMs !== mtimeMs || known.size !== listing.sizes[i] || live.broken.has(key)) {
        candidates.push({ dir, file: f });
      }
    }
  }
  const inUnlisted = (key: string) => unlisted.has(Number(key.slice(0, key.indexOf(":"))));
  // Some entry was not listed: those of folders listed are gone (deleted with no event seen).
  if (found < live.entries.size) {
    const present = new Set<string>();
    for (const [d, dir] of live.dirs.entries()) {
      const listing = stats.folders[d];
      if (!listing?.ok) continue;
      for (const f of listing.files) {
        if (++done % SLICE === 0) await yieldToRequests();
        present.add(entryKey(live.dirs, dir, f));
      }
    }
    for (const [key, e] of live.entries) if (!present.has(key) && !inUnlisted(key)) candidates.push(e);
  }
  // A broken file that has since gone: its re-read finds it gone and forgets the problem.
  for (const key of live.broken.keys()) {
    const where = entryPath(live.dirs, key);
    const listing = stats.folders[Number(key.slice(0, key.indexOf(":")))];
    if (where && listing?.ok && !listing.files.includes(where.file)) candidates.push(where);
  }
  // A photo replaced in place under the same name.
  for (const [i, file] of images.entries()) {
    if (stats.imageTimes[i] === live.imageTimes.get(file)) continue;
    if ([...unlisted].some((d) => file.startsWith(`${live.dirs[d] ?? ""}${path.sep}`))) continue;
    for (const e of live.entries.values()) if (usesFile(e, file)) candidates.push(e);
  }
  return candidates;
}

function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function reread(live: LiveContent, files: readonly ChangedPath[], log: Log): Promise<ChangeReport> {
  if (files.length === 0) return { changed: false, problems: [] };
  // A fresh image cache: a replaced photo must be hashed again.
  const images: ImageCache = new Map();
  const problems: ContentProblem[] = [];
  let changed = false;
  // Reads are synchronous (load.ts): in slices, so that a change to every file (a sync tool, a
  // checkout) re-reads the archive without holding every request until it is done.
  const breathe = timeSlices(SLICE_MS);
  const read: Awaited<ReturnType<typeof readEntry>>[] = [];
  // Each changed key's entry before this change, for reindexEntries.
  const before = new Map<string, AnyEntry | undefined>();
  for (const c of files) {
    await breathe();
    read.push(await readEntry(live.dirs, c.dir, c.file, images));
  }
  for (const [i, result] of read.entries()) {
    const c = files[i];
    if (!c) continue;
    const key = entryKey(live.dirs, c.dir, c.file);
    if (!before.has(key)) before.set(key, live.entries.get(key));
    if (result.ok) {
      live.broken.delete(key);
      live.entries.set(key, result.entry);
      changed = true;
    } else if (result.gone) {
      live.broken.delete(key);
      changed = live.entries.delete(key) || changed;
    } else {
      live.broken.set(key, result.problems);
      problems.push(...result.problems);
      const kept = live.entries.has(key) ? "the last good version stays published" : "not published";
      for (const p of result.problems) log(`content: ${kept}: ${formatProblem(p)}`);
    }
  }
  if (changed) {
    const next = live.clean
      ? reindexEntries(live.index, live.entries, before)
      : indexEntries(live.entries.values());
    live.clean = next.problems.length === 0;
    for (const p of next.problems) log(`content: not published: ${formatProblem(p)}`);
    problems.push(...next.problems);
    live.removed = updateTombstones(live.removed, live.index, next.index, Date.now());
    live.index = next.index;
    live.version += 1;
    await recordImageTimes(
      live,
      read.flatMap((r) => (r.ok ? [r.entry] : [])),
    );
  }
  return { changed, problems };
}

async function recordImageTimes(live: LiveContent, entries: Iterable<AnyEntry>) {
  const files = new Set<string>();
  for (const e of entries) {
    if (e.kind === "story") for (const [, file] of photosOf(e)) files.add(file);
  }
  for (const file of files) {
    const s = await fs.stat(file).catch(() => undefined);
    if (s) live.imageTimes.set(file, s.mtimeMs);
  }
}

function isMarkdown(file: string): boolean {
  return isArticleFileName(file.split("/").pop() ?? "") && isStoryPath(file);
}

function isImage(file: string): boolean {
  return file.startsWith("images/") && /\.(jpe?g|png|webp|avif)$/i.test(file);
}

/** True when the story shows this image file: as its hero or in its body. */
function usesFile(entry: AnyEntry, file: string): boolean {
  return entry.kind === "story" && photosOf(entry).some(([, shown]) => shown === file);
}
