/**
 * The fronts as files (`{content folder}/fronts/{name}.md`), read when a page renders and kept until
 * the file changes (one stat per render of a front's page, which the page cache makes rare). A file
 * that cannot be read or parsed is reported once and the page falls back to newest-first: a front
 * never breaks or empties a page. The watcher and the rescan say which fronts changed, and the next
 * refresh takes their pages (lib/site/api.ts), so a front change refreshes its front alone.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { sectionSlugs } from "@/lib/config/site";
import { processSingleton } from "@/lib/runtime/singleton";
import { formatFrontProblem, frontName, parseFront, type Front, type FrontProblem } from "./front";
import type { SkippedSlot } from "./resolve";

/** The folder, under each content folder, that holds the fronts. */
export const FRONTS_DIR = "fronts";
/** A front is a few lines; a larger file is a mistake (a story saved in the wrong place). */
const MAX_BYTES = 64 * 1024;
/** Warnings remembered so each is logged once; past this the memory is cleared (and may repeat). */
const MAX_WARNED = 1_000;

type Read = { stamp: string; front?: Front };
type State = {
  read: Map<string, Read>;
  warned: Set<string>;
  /** Fronts changed since the last refresh took them. */
  changed: Set<string>;
  /** What the rescan saw last, per front name: its stamp, or "" when there was no file. */
  seen: Map<string, string>;
};

function state(): State {
  return processSingleton<State>("fronts.store", () => ({
    read: new Map(),
    warned: new Set(),
    changed: new Set(),
    seen: new Map(),
  }));
}

/** Logs a line once per process (per distinct text), for a front's problems and its skipped slots. */
function warnOnce(line: string, log: (line: string) => void) {
  const { warned } = state();
  if (warned.has(line)) return;
  if (warned.size >= MAX_WARNED) warned.clear();
  warned.add(line);
  log(line);
}

/** The first content folder's file for this front, with what identifies its version. */
async function locate(
  name: string,
  dirs: readonly string[],
): Promise<{ file: string; label: string; stamp: string; size: number; link: boolean } | undefined> {
  for (const dir of dirs) {
    const folder = path.join(dir, FRONTS_DIR);
    const file = path.join(folder, `${name}.md`);
    // Not followed: a link could lead out of the content folders (stories refuse those too), and a
    // front is an editor's small file, never a link.
    const s = await fs.lstat(/* turbopackIgnore: true */ file).catch(() => undefined);
    if (!s || !(s.isFile() || s.isSymbolicLink())) continue;
    const label =
      dirs.length > 1
        ? path.join(path.relative(/* turbopackIgnore: true */ process.cwd(), dir), FRONTS_DIR, `${name}.md`)
        : `${FRONTS_DIR}/${name}.md`;
    const stamp = `${file}:${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`;
    // The folder itself may not be a link out either: it must be where it says it is.
    const [real, expected] = await Promise.all([
      fs.realpath(/* turbopackIgnore: true */ folder).catch(() => ""),
      fs.realpath(/* turbopackIgnore: true */ dir).then(
        (d) => path.join(d, FRONTS_DIR),
        () => "?",
      ),
    ]);
    return { file, label, stamp, size: s.size, link: s.isSymbolicLink() || real !== expected };
  }
  return undefined;
}

/** Reads and checks one front file; problems instead of a front when it has any. */
export async function readFrontFile(
  name: string,
  dirs: readonly string[],
): Promise<{ label: string; front?: Front; problems: FrontProblem[] } | undefined> {
  const found = await locate(name, dirs);
  if (!found) return undefined;
  if (found.link) {
    return {
      label: found.label,
      problems: [{ file: found.label, message: "is a link: a front must be a file in the content folder" }],
    };
  }
  if (found.size > MAX_BYTES) {
    return {
      label: found.label,
      problems: [
        { file: found.label, message: `is larger than ${MAX_BYTES / 1024} KiB: a front is a few lines` },
      ],
    };
  }
  const raw = await fs
    .readFile(/* turbopackIgnore: true */ found.file, "utf8")
    .catch((error: unknown) => error);
  if (typeof raw !== "string") {
    return {
      label: found.label,
      problems: [{ file: found.label, message: `cannot be read: ${String(raw)}` }],
    };
  }
  const parsed = parseFront(name, found.label, raw);
  return parsed.ok
    ? { label: found.label, front: parsed.front, problems: [] }
    : { label: found.label, problems: parsed.problems };
}

/**
 * The front `name` ("home" or a section's slug) as its file says now, or undefined with no file or a
 * file with problems (each logged once, with what the page does instead).
 */
export async function getFront(
  name: string,
  dirs: readonly string[],
  log: (line: string) => void = console.warn,
): Promise<Front | undefined> {
  const { read } = state();
  const found = await locate(name, dirs);
  if (!found) {
    read.delete(name);
    return undefined;
  }
  const cached = read.get(name);
  if (cached?.stamp === found.stamp) return cached.front;
  const result = await readFrontFile(name, dirs);
  for (const p of result?.problems ?? [])
    warnOnce(`fronts: ${formatFrontProblem(p)} (the page shows the newest stories instead)`, log);
  read.set(name, { stamp: found.stamp, ...(result?.front ? { front: result.front } : {}) });
  return result?.front;
}

/** Logs each slot a front named but the page could not show, once. */
export function warnSkipped(
  skipped: readonly SkippedSlot[],
  log: (line: string) => void = console.warn,
): void {
  for (const s of skipped)
    warnOnce(`fronts: ${s.file}:${s.line}: ${s.name} ${s.reason}; the slot shows the next newest story`, log);
}

/**
 * A file event under a content folder's fronts/: true when it names a front's file, or the folder
 * itself (then those fronts are marked changed for the next refresh); false for anything else there
 * (an editor's swap file). `file` is relative to the folder, with forward slashes.
 */
export function frontFileChanged(file: string): boolean {
  if (file === FRONTS_DIR) {
    // The folder came or went whole: any front may have.
    for (const name of ["home", ...sectionSlugs]) state().changed.add(name);
    return true;
  }
  if (!file.startsWith(`${FRONTS_DIR}/`)) return false;
  const name = frontName(file.slice(FRONTS_DIR.length + 1));
  if (!name) return false;
  state().changed.add(name);
  return true;
}

/**
 * The safety net where file events do not come (network file systems): a stat of each front's file,
 * compared with the last look. Returns the fronts changed since (and marks them for the refresh).
 */
export async function rescanFronts(names: readonly string[], dirs: readonly string[]): Promise<string[]> {
  const { seen, changed } = state();
  const moved: string[] = [];
  for (const name of names) {
    const stamp = (await locate(name, dirs))?.stamp ?? "";
    const before = seen.get(name);
    seen.set(name, stamp);
    if (before !== undefined && before !== stamp) {
      changed.add(name);
      moved.push(name);
    }
  }
  return moved;
}

/** The fronts changed since the last call, and forgets them. */
export function takeChangedFronts(): string[] {
  const { changed } = state();
  const names = [...changed];
  changed.clear();
  return names;
}
