/**
 * Narration is made, never waited for (issue 24): a story's page asks for its narration when it
 * renders (so a story is narrated when it becomes public, and again when its spoken words change,
 * since a correction or a new headline renders the page again), and a backfill walks the archive
 * newest first. Jobs go to one worker thread per process (narrate-worker.mjs) through a bounded
 * queue; new stories go before the backfill. Files live in DATA_DIR/narration, named by a hash of
 * the words and the voice, so a restart or a second instance sharing the folder never makes the same
 * file twice. When one is made, the story's pages are refreshed to show the player.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env, nextRuntime } from "@/lib/config/env";
import type { Article } from "@/lib/content/article";
import { requestRevalidation } from "@/lib/content/publish";
import { processSingleton } from "@/lib/runtime/singleton";
import { spokenText } from "./speech";

/** The MP3's bitrate: speech at 16 kHz mono is clear at 48 kbps (about 6 KB a second). */
const KBPS = 48;
/** Waiting jobs at most, new and backfill apart; a backfill beyond it is found again next pass. */
const MAX_WAITING = 1_000;

/** Resolved from the working folder, as Next.js leaves worker files out of its bundles. */
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/narration/narrate-worker.mjs");

export type Narration = { hash: string; seconds: number; bytes: number; file: string };

type Job = { hash: string; text: string; paths: string[] };

type State = {
  fresh: Job[];
  backfill: Job[];
  waiting: Set<string>;
  worker?: Worker;
  busy: boolean;
  /** Story pages whose narration was made since the last refresh took them. */
  made: Set<string>;
  /** The job the worker has, by its hash. */
  pending: Map<string, Job>;
  failures: number;
};

/** One per process: every route bundle has its own copy of this module, and they share the queue. */
const state = () =>
  processSingleton<State>("narration.state", () => ({
    fresh: [],
    backfill: [],
    waiting: new Set(),
    busy: false,
    made: new Set(),
    pending: new Map(),
    failures: 0,
  }));

/** Where narrations are kept (DATA_DIR/narration). */
function narrationDir(): string {
  return path.join(env.dataDir, "narration");
}

/** The file name of these words in this voice. */
function narrationHash(text: string, voice = env.narrationVoice): string {
  return createHash("sha256").update(`${voice}\n${text}`).digest("hex").slice(0, 32);
}

/**
 * The story's narration if it has been made for its words as they are now; if not, it is queued (a
 * new story first, `backfill` behind them) and undefined is returned. Never made during a build, or
 * with NARRATION=off.
 */
export function narrationFor(article: Article, { backfill = false } = {}): Narration | undefined {
  if (!env.narration) return undefined;
  const text = spokenText(article);
  const hash = narrationHash(text);
  const made = readMade(hash);
  if (made || !nextRuntime.serving) return made;
  enqueue({ hash, text, paths: [article.path, `${article.path}/summary`] }, backfill);
  return undefined;
}

/** The pages whose narration was made since the last call (lib/site/refresh.ts). */
export function takeNarrated(): string[] {
  const s = state();
  const paths = [...s.made];
  s.made.clear();
  return paths;
}

/** How many jobs wait (the backfill's pace: it adds more only when few are left). */
export function narrationBacklog(): number {
  const s = state();
  return s.fresh.length + s.backfill.length + (s.busy ? 1 : 0);
}

function readMade(hash: string): Narration | undefined {
  const file = path.join(narrationDir(), `${hash}.mp3`);
  try {
    const meta: unknown = JSON.parse(readFileSync(`${file}.json`, "utf8"));
    if (!isMeta(meta)) return undefined;
    return { hash, seconds: meta.seconds, bytes: meta.bytes, file };
  } catch {
    return undefined;
  }
}

function isMeta(v: unknown): v is { seconds: number; bytes: number } {
  return (
    typeof v === "object" &&
    v !== null &&
    "seconds" in v &&
    "bytes" in v &&
    typeof v.seconds === "number" &&
    typeof v.bytes === "number"
  );
}

function enqueue(job: Job, backfill: boolean) {
  const s = state();
  if (s.waiting.has(job.hash)) return;
  const list = backfill ? s.backfill : s.fresh;
  if (list.length >= MAX_WAITING) return;
  s.waiting.add(job.hash);
  list.push(job);
  next();
}

function next() {
  const s = state();
  if (s.busy) return;
  const job = s.fresh.shift() ?? s.backfill.shift();
  if (!job) return;
  s.busy = true;
  const worker = (s.worker ??= startWorker());
  worker.ref();
  worker.postMessage({ id: job.hash, text: job.text, file: path.join(narrationDir(), `${job.hash}.mp3`) });
  s.pending.set(job.hash, job);
}

function startWorker(): Worker {
  mkdirSync(narrationDir(), { recursive: true });
  const worker = new Worker(WORKER_FILE, { workerData: { voice: env.narrationVoice, kbps: KBPS } });
  worker.unref();
  worker.on("message", (reply: unknown) => finished(reply));
  const lost = (why: string) => {
    const s = state();
    if (s.worker !== worker) return;
    s.worker = undefined;
    console.error(`narration: the worker stopped (${why}); ${narrationBacklog()} jobs wait for the next`);
    for (const job of s.pending.values()) s.waiting.delete(job.hash);
    s.pending.clear();
    s.busy = false;
    // A worker that cannot start (a broken install) is not restarted in a loop.
    if (++s.failures <= 3) setTimeout(next, 1_000).unref();
  };
  worker.on("error", (error) => lost(String(error)));
  worker.on("exit", (code) => lost(`exit ${code}`));
  return worker;
}

function finished(reply: unknown) {
  if (typeof reply !== "object" || reply === null || !("id" in reply) || typeof reply.id !== "string") return;
  const s = state();
  const job = s.pending.get(reply.id);
  if (!job) return;
  s.pending.delete(reply.id);
  s.waiting.delete(job.hash);
  s.busy = false;
  if ("error" in reply) console.error(`narration: ${job.paths[0] ?? job.hash}: ${String(reply.error)}`);
  else {
    s.failures = 0;
    for (const p of job.paths) s.made.add(p);
    void requestRevalidation("narration made", () => undefined);
  }
  if (narrationBacklog() === 0) s.worker?.unref();
  next();
}
