/**
 * Every content file's size and modification time, for the rescan (lib/content/live.ts), taken by
 * one worker thread per process (lib/content/stat-worker.mjs) with synchronous calls. The server's
 * own thread then only compares numbers, in slices that let requests run between them.
 *
 * Why a thread: at 100k stories an async walk on the server's thread queued 100k jobs on libuv's
 * four pool threads, and every page's own file read waited behind them (issue 26: p99 1.5 s in the
 * minute's rescan window).
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { processSingleton } from "@/lib/runtime/singleton";

/** One content folder as listed: paths relative to it (`/`-separated), sorted, with stats. NaN: gone. */
type FolderListing =
  | {
      ok: true;
      files: string[];
      mtimes: Float64Array;
      /** Change times: moved by any write, rename or restore, and never set by a tool. */
      ctimes: Float64Array;
      sizes: Float64Array;
      /** Inode numbers: a folder renamed moves its files without touching their times. */
      inodes: Float64Array;
      /** 1 for a symbolic link. */
      links: Uint8Array;
    }
  | { ok: false; error: string };

export type ContentStats = {
  folders: FolderListing[];
  /** Modification time of each image asked about, in order; -1 when it is gone. */
  imageTimes: Float64Array;
  /** Change time of each, likewise. */
  imageCtimes: Float64Array;
  /** Inode number of each, likewise. */
  imageInodes: Float64Array;
};

/** Resolved from the working folder, as Next.js leaves worker files out of its bundles. */
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/content/stat-worker.mjs");

type Pending = { resolve: (s: ContentStats) => void; reject: (e: Error) => void };
type StatThread = { worker: Worker | undefined; next: number; pending: Map<number, Pending> };

/** Lists and stats the folders' Markdown files and the given image files, off this thread. */
export function statContent(
  dirs: readonly string[],
  images: readonly string[],
  workerFile = WORKER_FILE,
): Promise<ContentStats> {
  const thread = processSingleton<StatThread>(`content.stat:${workerFile}`, () => ({
    worker: undefined,
    next: 0,
    pending: new Map(),
  }));
  const worker = (thread.worker ??= startWorker(thread, workerFile));
  const id = thread.next++;
  worker.ref();
  return new Promise<ContentStats>((resolve, reject) => {
    thread.pending.set(id, { resolve, reject });
    worker.postMessage({ id, dirs: [...dirs], images: images.join("\0") });
  });
}

function startWorker(thread: StatThread, workerFile: string): Worker {
  const worker = new Worker(workerFile);
  const failAll = (error: Error) => {
    for (const p of thread.pending.values()) p.reject(error);
    thread.pending.clear();
    thread.worker = undefined;
  };
  worker.on("message", (reply: unknown) => {
    const id = isRecord(reply) && typeof reply.id === "number" ? reply.id : undefined;
    const waiting = id === undefined ? undefined : thread.pending.get(id);
    if (id === undefined || !waiting) return;
    thread.pending.delete(id);
    // An idle thread must not keep a finished script, or a test, alive.
    if (thread.pending.size === 0) worker.unref();
    const stats = readReply(reply);
    if (stats) waiting.resolve(stats);
    else waiting.reject(new Error(`content: stat thread failed: ${describe(reply)}`));
  });
  worker.on("error", (error) => failAll(new Error(`content: stat thread failed: ${String(error)}`)));
  worker.on("exit", (code) => failAll(new Error(`content: stat thread exited (${code})`)));
  return worker;
}

function readReply(reply: unknown): ContentStats | undefined {
  if (
    !isRecord(reply) ||
    !Array.isArray(reply.lists) ||
    !(reply.imageTimes instanceof Float64Array) ||
    !(reply.imageCtimes instanceof Float64Array) ||
    !(reply.imageInodes instanceof Float64Array)
  ) {
    return undefined;
  }
  const folders: FolderListing[] = [];
  for (const list of reply.lists) {
    if (!isRecord(list)) return undefined;
    if (typeof list.error === "string") folders.push({ ok: false, error: list.error });
    else if (
      typeof list.files === "string" &&
      list.mtimes instanceof Float64Array &&
      list.ctimes instanceof Float64Array &&
      list.sizes instanceof Float64Array &&
      list.inodes instanceof Float64Array &&
      list.links instanceof Uint8Array
    ) {
      const files = list.files === "" ? [] : list.files.split("\0");
      const { mtimes, ctimes, sizes, inodes, links } = list;
      if ([mtimes, ctimes, sizes, inodes, links].some((a) => a.length !== files.length)) return undefined;
      folders.push({ ok: true, files, mtimes, ctimes, sizes, inodes, links });
    } else return undefined;
  }
  const { imageTimes, imageCtimes, imageInodes } = reply;
  return { folders, imageTimes, imageCtimes, imageInodes };
}

function describe(reply: unknown): string {
  return isRecord(reply) && typeof reply.error === "string" ? reply.error : "an unreadable reply";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
