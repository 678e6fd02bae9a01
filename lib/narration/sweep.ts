/**
 * Narrations no story uses any more (a correction changed the words, a story was unpublished) are
 * removed after a grace period (issue 24): a shared cache or a player mid-play may still ask for one,
 * and a second instance sharing the folder may not have seen the change yet. When each file was
 * first seen unused is kept beside them (`unused.json`), so a restart does not start its wait again.
 * What a job killed mid-way left (a partial file, a scratch folder) goes after an hour.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { writeWhole } from "@/lib/runtime/write-whole.mjs";

const NAMED = /^([0-9a-f]{32})\.mp3(?:\.json)?$/;
/** What a job killed mid-way leaves: a partial file, or Flite's scratch folder. */
const LEFT_OVER = /(\.part$|^\.flite-)/;
/** Left-overs this old are no job's any more (another instance sharing the folder may be writing). */
const LEFT_OVER_MS = 3600_000;

/**
 * One sweep of `dir`: files of hashes not in `inUse` are marked unused (now), and those marked at
 * least `graceMs` ago are removed. Returns the hashes removed.
 */
export function sweepUnused({
  dir,
  inUse,
  graceMs,
  now = Date.now(),
}: {
  dir: string;
  inUse: ReadonlySet<string>;
  graceMs: number;
  now?: number;
}): string[] {
  const marks = path.join(dir, "unused.json");
  const before = readMarks(marks);
  const after: Record<string, number> = {};
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed; // nothing made yet
  }
  for (const name of names.filter((n) => LEFT_OVER.test(n))) {
    const full = path.join(dir, name);
    try {
      if (now - statSync(full).mtimeMs > LEFT_OVER_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // Gone meanwhile.
    }
  }
  const hashes = new Set(names.map((n) => NAMED.exec(n)?.[1]).filter((h) => h !== undefined));
  for (const hash of hashes) {
    if (inUse.has(hash)) continue;
    const since = before[hash] ?? now;
    if (now - since < graceMs) {
      after[hash] = since;
      continue;
    }
    // The sidecar first: without it the file is not a narration (queue.ts reads only whole ones).
    rmSync(path.join(dir, `${hash}.mp3.json`), { force: true });
    rmSync(path.join(dir, `${hash}.mp3`), { force: true });
    removed.push(hash);
  }
  if (Object.keys(after).length > 0 || Object.keys(before).length > 0)
    writeWhole(marks, JSON.stringify(after));
  return removed;
}

function readMarks(file: string): Record<string, number> {
  try {
    const v: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof v !== "object" || v === null) return {};
    return Object.fromEntries(
      Object.entries(v).filter((e): e is [string, number] => typeof e[1] === "number"),
    );
  } catch {
    return {};
  }
}
