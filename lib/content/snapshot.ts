/**
 * The content as last read, kept on disk beside the build, so that a start-up reads again only the
 * files that changed since (issue 26: at 100k stories, parsing every file took a server ~40 s to be
 * ready; the snapshot is read in a few seconds).
 *
 * A stored entry is used only if its file's size, modification time and change time are exactly as
 * they were just before it was read, and so are those of every image it took facts from; the change
 * time moves on any write, rename or restore and no tool can set it, so a file edited, replaced,
 * restored from a backup or copied in with its old modification time is read again. Symbolic links
 * are always read again (their target can change). Entries only: which stories are public, what the
 * listings hold, is worked out from them at every start, as if every file had been read.
 *
 * One line of JSON per entry between a header (format, working folder, content folders) and a count;
 * anything else (another format, other folders, a truncated or altered file) is not used at all. It
 * lives in the build's folder, which every `next build` empties: a new build never uses entries shaped
 * by older code. Written to a temporary file and renamed into place, so instances sharing a build
 * (or a build's workers) never read half of one.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { timeSlices } from "@/lib/runtime/limit";
import type { AnyEntry } from "./entries";
import { isNumber, isRecord, isString, list, readLine, toLine } from "./snapshot-line";

/** Bumped whenever what a line holds changes shape (a build empties the folder anyway). */
const FORMAT = 2;
/** Lines turned into entries between yields to requests. */
const SLICE_MS = 20;
/** No entry's line comes near this (a content file is at most 1 MB): a longer one is damage. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;
/** A temporary file not written to for this long was left by a writer that died. */
const ABANDONED_MS = 10 * 60_000;

export type Snapshot = ReadonlyMap<string, AnyEntry>;

type Header = { format: number; cwd: string; dirs: string[] };

/**
 * The entries stored for these folders, by entry key; empty when there is none, or it is for other
 * folders or another format, or any line of it does not read back (then `log` says why).
 */
export async function readSnapshot(
  file: string,
  dirs: readonly string[],
  log: (line: string) => void = console.error,
): Promise<Map<string, AnyEntry>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return new Map();
  }
  const refuse = (why: string) => {
    log(`content: snapshot ${file} ${why}; reading every file`);
    return new Map<string, AnyEntry>();
  };
  // The closing line: how many entries, and a hash of every byte before it.
  const body = bytes.lastIndexOf(10, bytes.length - 2) + 1;
  const trailer =
    bytes[bytes.length - 1] === 10 ? parseJson(decode(bytes, body, bytes.length - 1)) : undefined;
  if (!isRecord(trailer) || !isNumber(trailer.count) || !isString(trailer.sha256)) {
    return refuse("is incomplete");
  }
  const breathe = timeSlices(SLICE_MS);
  if ((await hashOf(bytes.subarray(0, body), breathe)) !== trailer.sha256) {
    return refuse("does not match its checksum");
  }
  const entries = new Map<string, AnyEntry>();
  let start = 0;
  let line = 0;
  while (start < body) {
    const end = bytes.indexOf(10, start);
    const json = end - start > MAX_LINE_BYTES ? undefined : parseJson(decode(bytes, start, end));
    start = end + 1;
    line += 1;
    if (line === 1) {
      const header = readHeader(json);
      if (!header || header.format !== FORMAT) return new Map();
      if (header.cwd !== process.cwd() || !sameList(header.dirs, dirs)) return new Map();
      continue;
    }
    await breathe();
    const entry = readLine(json, dirs);
    if (!entry) return refuse(`line ${line} does not read back`);
    entries.set(entry.key, entry);
  }
  if (trailer.count !== entries.size) return refuse("is incomplete");
  return entries;
}

/**
 * Stores these entries for these folders, replacing the snapshot whole. `stillCurrent`, asked just
 * before the new file is renamed into place: false (a new build has emptied the folder since this
 * server started) leaves it out.
 */
export async function writeSnapshot(
  file: string,
  dirs: readonly string[],
  entries: readonly AnyEntry[],
  stillCurrent: () => boolean = () => true,
): Promise<boolean> {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  removeAbandoned(file);
  // Unique across hosts sharing the folder (containers all run as pid 1).
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`;
  const fd = openSync(temporary, "w");
  let done = false;
  try {
    const breathe = timeSlices(SLICE_MS);
    const hash = createHash("sha256");
    const put = (text: string) => {
      const chunk = Buffer.from(text, "utf8");
      hash.update(chunk);
      writeSync(fd, chunk);
    };
    const header: Header = { format: FORMAT, cwd: process.cwd(), dirs: [...dirs] };
    let chunk = `${JSON.stringify(header)}\n`;
    for (const entry of entries) {
      await breathe();
      chunk += `${JSON.stringify(toLine(entry, dirs))}\n`;
      if (chunk.length > 1 << 20) {
        put(chunk);
        chunk = "";
      }
    }
    put(chunk);
    writeSync(fd, `${JSON.stringify({ count: entries.length, sha256: hash.digest("hex") })}\n`);
    closeSync(fd);
    if (stillCurrent()) {
      renameSync(temporary, file);
      done = true;
    }
    return done;
  } finally {
    if (!done) {
      try {
        closeSync(fd);
      } catch {
        // Closed already.
      }
      rmSync(temporary, { force: true });
    }
  }
}

/** Temporary files of writers that died half-way (a crashed start, a stopped build). */
function removeAbandoned(file: string) {
  const prefix = `${path.basename(file)}.tmp-`;
  const dir = path.dirname(file);
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const full = path.join(dir, name);
    const modified = statSync(full, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && Date.now() - modified > ABANDONED_MS) rmSync(full, { force: true });
  }
}

async function hashOf(bytes: Buffer, breathe: () => Promise<void>): Promise<string> {
  const hash = createHash("sha256");
  for (let at = 0; at < bytes.length; at += 4 << 20) {
    await breathe();
    hash.update(bytes.subarray(at, at + (4 << 20)));
  }
  return hash.digest("hex");
}

function decode(bytes: Buffer, start: number, end: number): string | undefined {
  try {
    return bytes.toString("utf8", start, end);
  } catch {
    return undefined;
  }
}

function readHeader(x: unknown): Header | undefined {
  if (!isRecord(x) || !isNumber(x.format) || !isString(x.cwd) || !Array.isArray(x.dirs)) return;
  const dirs = list(x.dirs, (d) => (isString(d) ? d : undefined));
  return dirs && { format: x.format, cwd: x.cwd, dirs };
}

/** Every item read, or undefined if any does not read. */
function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
