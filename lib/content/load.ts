/**
 * Reads content files into validated entries: stories, and the updates of live stories. Every problem
 * in every file is collected before failing, so an editor fixes them in one go. (The live store,
 * lib/content/live.ts, decides which files to read again; the watcher only names them.)
 */
import { promises as fs, readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { newBody } from "./body";
import { indexEntries, type ContentIndex } from "./content-index";
import type { AnyEntry, EntryResult, ImageStamp } from "./entries";
import { loadBodyPhotos, loadHero, OUTSIDE, uniqueStamps, type ImageCache } from "./images";
import type { Snapshot } from "./snapshot";
import { statContent } from "./stat";
import { isInsideContent } from "./inside";
import { toArticle } from "./reshape";
import type { LiveUpdate } from "./article";
import { parseArticle, parseUpdate, updateParent, type ParsedUpdate } from "./parse";
import { ContentError, type ContentProblem } from "./problems";
import { mapLimited, timeSlices } from "@/lib/runtime/limit";

export const MAX_FILE_BYTES = 1024 * 1024;

export function entryKey(dirs: readonly string[], dir: string, file: string): string {
  return `${dirs.indexOf(dir)}:${file}`;
}

/** The folder and file an entry key names (the inverse of `entryKey`). */
export function entryPath(dirs: readonly string[], key: string): { dir: string; file: string } | undefined {
  const colon = key.indexOf(":");
  const dir = dirs[Number(key.slice(0, colon))];
  return dir === undefined ? undefined : { dir, file: key.slice(colon + 1) };
}

/** Reads and validates one content file. A missing file is `gone`, not a problem. */
export async function readEntry(
  dirs: readonly string[],
  dir: string,
  file: string,
  images: ImageCache = new Map(),
): Promise<EntryResult> {
  const label = labelOf(dir, file, dirs);
  const full = path.join(dir, file);
  // Synchronous calls: a file's few system calls take microseconds, where the promise API's own
  // bookkeeping cost the server's thread about a third of a 100k-story start-up (issue 26).
  const stat = statIfAny(full);
  if (!stat?.isFile()) return { ok: false, problems: [], gone: true };
  if (!(await isInsideContent(full, dirs)))
    return { ok: false, problems: [{ file: label, message: OUTSIDE }] };
  if (stat.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      problems: [{ file: label, message: `is ${stat.size} bytes; an article file must be at most 1 MB` }],
    };
  }
  const raw = readIfAny(full);
  if (raw === undefined) return { ok: false, problems: [], gone: true };
  const parent = updateParent(file);
  if (parent) {
    const parsedUpdate = parseUpdate(file, raw);
    if (!parsedUpdate.ok) {
      return {
        ok: false,
        problems: parsedUpdate.problems.map((p) => ({ ...p, file: labelOf(dir, p.file, dirs) })),
      };
    }
    return {
      ok: true,
      entry: {
        kind: "update",
        key: entryKey(dirs, dir, file),
        dir,
        file,
        label,
        parent: entryKey(dirs, dir, parent),
        update: toUpdate(parsedUpdate.update),
        mtimeMs: stat.mtimeMs,
        ctimeMs: stat.ctimeMs,
        size: stat.size,
        ino: stat.ino,
      },
    };
  }
  const parsed = parseArticle(file, raw);
  if (!parsed.ok) {
    return { ok: false, problems: parsed.problems.map((p) => ({ ...p, file: labelOf(dir, p.file, dirs) })) };
  }
  const hero = await loadHero(dirs, dir, parsed.article, images);
  if (!hero.ok) return { ok: false, problems: [{ file: label, field: "hero.src", message: hero.message }] };
  const photos = await loadBodyPhotos(dirs, dir, parsed.article, images);
  if (!photos.ok) return { ok: false, problems: photos.problems.map((p) => ({ ...p, file: label })) };
  const body = newBody(parsed.article.body);
  return {
    ok: true,
    entry: {
      kind: "story",
      key: entryKey(dirs, dir, file),
      dir,
      file,
      label,
      article: toArticle(parsed.article, hero.hero, body, photos.photos),
      body,
      mediaFile: hero.file,
      bodyMedia: photos.media,
      images: uniqueStamps([hero.stamp, ...photos.stamps]),
      mtimeMs: stat.mtimeMs,
      ctimeMs: stat.ctimeMs,
      size: stat.size,
      ino: stat.ino,
    },
  };
}

function statIfAny(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function readIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The longest the content read runs before the server may answer requests again. */
export const SLICE_MS = 20;

/** Told after each file read: files read so far, of all the folders' files, and those with problems. */
type ScanProgress = (done: number, total: number, failed: number) => void;

/**
 * Reads every content file in every folder, collecting every problem. With a snapshot (a server's
 * start-up, snapshot.ts), a file whose stamps are as stored is taken from it instead of read.
 */
export async function scanContent(
  dirs: readonly string[],
  onProgress?: ScanProgress,
  snapshot?: Snapshot,
): Promise<{ entries: AnyEntry[]; problems: ContentProblem[]; reused: number }> {
  const problems: ContentProblem[] = [];
  const entries: AnyEntry[] = [];
  const images: ImageCache = new Map();
  const listed = snapshot?.size ? await listWithSnapshot(dirs, snapshot) : await listAll(dirs);
  let reused = 0;
  const total = listed.reduce((n, l) => n + l.files.length, 0);
  let done = 0;
  let failed = 0;
  const breathe = timeSlices(SLICE_MS);
  for (const { dir, files, error, stored } of listed) {
    if (error) problems.push({ file: dir, message: `content folder cannot be read: ${error}` });
    const results = await mapLimited(files, 64, async (f, i) => {
      // Reads are synchronous (readEntry): let the server answer between slices, or a 100k-story
      // start-up would hold every request for half a minute (its "starting" answer too).
      await breathe();
      const kept = stored?.[i];
      if (kept) reused += 1;
      const result: EntryResult = kept ? { ok: true, entry: kept } : await readEntry(dirs, dir, f, images);
      if (!result.ok && result.problems.length > 0) failed += 1;
      onProgress?.(++done, total, failed);
      return result;
    });
    for (const r of results) {
      if (r.ok) entries.push(r.entry);
      else problems.push(...r.problems);
    }
  }
  return { entries, problems, reused };
}

/** One folder's files, and for each the stored entry still good for it (with a snapshot). */
type Listed = { dir: string; files: string[]; error?: string; stored?: (AnyEntry | undefined)[] };

async function listAll(dirs: readonly string[]): Promise<Listed[]> {
  const listed: Listed[] = [];
  for (const dir of dirs) {
    listed.push(
      await listMarkdownFiles(dir).then(
        (files) => ({ dir, files }),
        (error: unknown) => ({ dir, files: [], error: String(error) }),
      ),
    );
  }
  return listed;
}

/**
 * Lists and stamps every file on the stat thread (stat.ts), and keeps the stored entries whose file
 * and images are exactly as stored. If that thread fails, every file is read.
 */
async function listWithSnapshot(dirs: readonly string[], snapshot: Snapshot): Promise<Listed[]> {
  const imageFiles = new Set<string>();
  for (const e of snapshot.values()) if (e.kind === "story") for (const i of e.images) imageFiles.add(i.file);
  const asked = [...imageFiles];
  const stats = await statContent(dirs, asked).catch(() => undefined);
  if (!stats) return listAll(dirs);
  const at = new Map(asked.map((file, i) => [file, i]));
  const unchanged = (stamp: ImageStamp) => {
    const i = at.get(stamp.file) ?? -1;
    return (
      stats.imageTimes[i] === stamp.mtimeMs &&
      stats.imageCtimes[i] === stamp.ctimeMs &&
      stats.imageInodes[i] === stamp.ino
    );
  };
  return dirs.map((dir, d) => {
    const listing = stats.folders[d];
    if (!listing?.ok) return { dir, files: [], error: listing?.error ?? "no answer" };
    const stored = listing.files.map((file, i) => {
      const e = snapshot.get(entryKey(dirs, dir, file));
      if (!e || listing.links[i] !== 0) return undefined;
      const same =
        e.mtimeMs === listing.mtimes[i] &&
        e.ctimeMs === listing.ctimes[i] &&
        e.size === listing.sizes[i] &&
        e.ino === listing.inodes[i];
      if (!same) return undefined;
      return e.kind === "update" || e.images.every(unchanged) ? e : undefined;
    });
    return { dir, files: listing.files, stored };
  });
}

/** Reads, validates and indexes every folder; throws with every problem found (builds, content:check). */
export async function loadContent(dirs: readonly string[], onProgress?: ScanProgress): Promise<ContentIndex> {
  const scanned = await scanContent(dirs, onProgress);
  const { index, problems } = indexEntries(scanned.entries);
  const all = [...scanned.problems, ...problems];
  if (all.length > 0) throw new ContentError(all);
  return index;
}

/** An update as every page receives it: corrections oldest first. */
function toUpdate(u: ParsedUpdate): LiveUpdate {
  return {
    id: u.id,
    published: u.published,
    title: u.title,
    key: u.key,
    pinned: u.pinned,
    byline: u.byline,
    draft: u.draft,
    corrections: [...u.corrections].sort((x, y) => Date.parse(x.date) - Date.parse(y.date)),
    body: u.body,
    file: u.file,
  };
}

function labelOf(dir: string, file: string, dirs: readonly string[]): string {
  return dirs.length > 1 ? path.join(path.relative(process.cwd(), dir), file) : file;
}

/** An article file: `*.md`, not a README, not hidden (editors' temporary files start with a dot). */
export function isArticleFileName(name: string): boolean {
  return name.toLowerCase().endsWith(".md") && name !== "README.md" && !name.startsWith(".");
}

/**
 * True for a file (relative to its content folder) that may be a story or an update: not under
 * images/ (photos) nor fronts/ (the editors' fronts, read by lib/fronts).
 */
export function isStoryPath(file: string): boolean {
  return !file.startsWith("images/") && !file.startsWith("fronts/");
}

export async function listMarkdownFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return (
    entries
      // Links too: readEntry publishes one only if it leads to a file inside the content folders.
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && isArticleFileName(e.name))
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .filter(isStoryPath)
      .sort()
  );
}
