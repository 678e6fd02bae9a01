/**
 * Narration is made, never waited for (issue 24, ADR 0016): a story's page asks for its narration
 * when it renders (so a story is narrated when its page first renders after it becomes public, and
 * again when its spoken words change, since a correction or a new headline renders the page again),
 * and a backfill walks the archive newest first. Jobs go to one worker thread per process
 * (narrate-worker.mjs) through a bounded queue; stories of the last two days go before older ones.
 * Files live in DATA_DIR/narration, named by a hash of the words and the voice, so a restart or a
 * second instance sharing the folder finds what is made. When one is made, the story's pages are
 * refreshed to show the player.
 */
import { AsyncResource } from "node:async_hooks";
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
/** Waiting jobs at most in each queue; a backfill beyond it is found again by the next pass. */
const MAX_WAITING = 1_000;
/** Stories published this recently are "new": their jobs go before the archive's. */
const NEW_FOR_MS = 48 * 3600_000;
/** A story longer than this is narrated to here (about 90 minutes of speech). */
const MAX_CHARS = 60_000;
/** A job that takes longer than this (a hung engine) stops the worker; the job is tried again. */
const JOB_TIMEOUT_MS = 5 * 60_000;
/** A job tried this many times (its worker failed each time) is dropped, with a log line. */
const MAX_ATTEMPTS = 3;

/** Resolved from the working folder, as Next.js leaves worker files out of its bundles. */
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/narration/narrate-worker.mjs");

export type Narration = { hash: string; seconds: number; bytes: number; file: string };

type Job = { hash: string; text: string; paths: string[]; attempts: number };

type State = {
  fresh: Job[];
  backfill: Job[];
  waiting: Set<string>;
  worker?: Worker;
  /** The job the worker has. */
  current?: { job: Job; timer: NodeJS.Timeout };
  /** Story pages whose narration was made since the last refresh took them. */
  made: Set<string>;
  /** Narrations known made, by hash (a page render or an audio request reads no file for them). */
  known: Map<string, Narration>;
  /** After a worker failure: no worker is started before this time (ms). */
  pausedUntil: number;
  resume?: NodeJS.Timeout;
  failures: number;
  /** The server's start-up context: the worker is made in it, never in a page render's. */
  root?: AsyncResource;
};

/** One per process: every route bundle has its own copy of this module, and they share the queue. */
const state = () =>
  processSingleton<State>("narration.state", () => ({
    fresh: [],
    backfill: [],
    waiting: new Set(),
    made: new Set(),
    known: new Map(),
    pausedUntil: 0,
    failures: 0,
  }));

/** Called once at server start-up (lib/server/startup.ts), outside any request. */
export function startNarration(): void {
  state().root ??= new AsyncResource("dispatch.narration");
}

function narrationDir(): string {
  return path.join(env.dataDir, "narration");
}

/** The words of each story object (an unchanged story keeps its object), with their hash. */
const words = new WeakMap<Article, { text: string; hash: string }>();

function wordsOf(article: Article): { text: string; hash: string } {
  let found = words.get(article);
  if (!found) {
    const text = spokenText(article).slice(0, MAX_CHARS);
    const hash = createHash("sha256").update(`${env.narrationVoice}\n${text}`).digest("hex").slice(0, 32);
    words.set(article, (found = { text, hash }));
  }
  return found;
}

/**
 * The story's narration if it has been made for its words as they are now. If not, with `queue`
 * (a page render, the backfill) it is queued, and undefined is returned. Never made during a build,
 * or with NARRATION=off; an audio request only looks.
 */
export function narrationFor(
  article: Article,
  { queue = "page" }: { queue?: "page" | "backfill" | "none" } = {},
): Narration | undefined {
  if (!env.narration) return undefined;
  // A live story without key points has nothing but its headline to say: no narration.
  if (article.live && !article.summary?.length) return undefined;
  const { text, hash } = wordsOf(article);
  const made = readMade(hash);
  if (made || !nextRuntime.serving || queue === "none") return made;
  const isNew = Date.now() - Date.parse(article.published) < NEW_FOR_MS;
  enqueue(
    { hash, text, paths: [article.path, `${article.path}/summary`], attempts: 0 },
    queue === "page" && isNew,
  );
  return undefined;
}

/** The pages whose narration was made since the last call (lib/site/refresh.ts). */
export function takeNarrated(): string[] {
  const s = state();
  const paths = [...s.made];
  s.made.clear();
  return paths;
}

/** How many jobs wait, the one being made included (the backfill adds more only when few are left). */
export function narrationBacklog(): number {
  const s = state();
  return s.fresh.length + s.backfill.length + (s.current ? 1 : 0);
}

function readMade(hash: string): Narration | undefined {
  const s = state();
  const known = s.known.get(hash);
  if (known) return known;
  const file = path.join(narrationDir(), `${hash}.mp3`);
  try {
    const meta: unknown = JSON.parse(readFileSync(`${file}.json`, "utf8"));
    if (!isMeta(meta)) return undefined;
    const made = { hash, seconds: meta.seconds, bytes: meta.bytes, file };
    s.known.set(hash, made);
    return made;
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

function enqueue(job: Job, fresh: boolean) {
  const s = state();
  if (s.waiting.has(job.hash)) return;
  const list = fresh ? s.fresh : s.backfill;
  if (list.length >= MAX_WAITING) {
    // The backfill finds it again on its next pass; a new story's page asks again when it renders.
    if (fresh) console.warn(`narration: queue full, ${job.paths[0] ?? job.hash} waits for its next render`);
    return;
  }
  s.waiting.add(job.hash);
  list.push(job);
  next();
}

function next() {
  const s = state();
  if (s.current) return;
  const wait = s.pausedUntil - Date.now();
  if (wait > 0) {
    s.resume ??= setTimeout(() => {
      s.resume = undefined;
      next();
    }, wait).unref();
    return;
  }
  const job = s.fresh.shift() ?? s.backfill.shift();
  if (!job) return void s.worker?.unref();
  let worker: Worker;
  try {
    worker = s.worker ??= startWorker();
  } catch (error) {
    console.error(`narration: the worker cannot start: ${String(error)}`);
    return failed(job);
  }
  worker.ref();
  s.current = {
    job,
    timer: setTimeout(() => void worker.terminate(), JOB_TIMEOUT_MS + job.text.length * 10).unref(),
  };
  worker.postMessage({ id: job.hash, text: job.text, file: path.join(narrationDir(), `${job.hash}.mp3`) });
}

/** A job whose worker failed: tried again later (the worker paused, longer each time), or dropped. */
function failed(job: Job) {
  const s = state();
  s.current = undefined;
  s.failures += 1;
  s.pausedUntil = Date.now() + Math.min(600_000, 1_000 * 4 ** Math.min(s.failures, 5));
  if (++job.attempts < MAX_ATTEMPTS) s.fresh.unshift(job);
  else {
    s.waiting.delete(job.hash);
    console.error(`narration: ${job.paths[0] ?? job.hash} dropped after ${MAX_ATTEMPTS} failed tries`);
  }
  next();
}

function startWorker(): Worker {
  mkdirSync(narrationDir(), { recursive: true });
  const s = state();
  const make = () =>
    new Worker(WORKER_FILE, { workerData: { voice: env.narrationVoice, kbps: KBPS, dir: narrationDir() } });
  // Made in the start-up's context: its events must not run inside the page render that asked.
  const worker = s.root ? s.root.runInAsyncScope(make) : make();
  worker.unref();
  worker.on("message", (reply: unknown) => finished(reply));
  const lost = (why: string) => {
    if (s.worker !== worker) return;
    s.worker = undefined;
    console.error(`narration: the worker stopped (${why})`);
    const current = s.current;
    if (current) {
      clearTimeout(current.timer);
      failed(current.job);
    }
  };
  worker.on("error", (error) => lost(String(error)));
  worker.on("exit", (code) => lost(`exit ${code}`));
  return worker;
}

function finished(reply: unknown) {
  if (typeof reply !== "object" || reply === null || !("id" in reply) || typeof reply.id !== "string") return;
  const s = state();
  const current = s.current;
  if (!current || current.job.hash !== reply.id) return;
  clearTimeout(current.timer);
  s.current = undefined;
  s.waiting.delete(current.job.hash);
  if ("error" in reply) {
    // The engine refused these words (not the worker failing): not tried again until they change.
    console.error(`narration: ${current.job.paths[0] ?? current.job.hash}: ${String(reply.error)}`);
  } else {
    s.failures = 0;
    for (const p of current.job.paths) s.made.add(p);
    void requestRevalidation("narration made", (line) => {
      if (!line.includes("published")) console.warn(`narration: ${line}`);
    });
  }
  next();
}
