/**
 * The narration's queue (issue 24, ADR 0016): jobs go one at a time, through a bounded queue, to a
 * process of their own at the lowest priority (narrate-job.mjs: one that crashes costs that job, never
 * the server); new stories' jobs go before the archive's. Files live
 * in DATA_DIR/narration, named by a hash of the words and the voice, so a restart or a second
 * instance sharing the folder finds what is made. When one is made, the pages that show it join the
 * next targeted refresh. What is asked for, and when, is narrator.ts's.
 */
import { AsyncResource } from "node:async_hooks";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { env } from "@/lib/config/env";
import { requestRevalidation } from "@/lib/content/publish";
import { processSingleton } from "@/lib/runtime/singleton";
import { voiceKey } from "./voice";

/** The MP3's bitrate: speech at 16 kHz mono is clear at 48 kbps (about 6 KB a second). */
const KBPS = 48;
/** Waiting jobs at most in each queue; a backfill beyond it is found again by the next pass. */
const MAX_WAITING = 1_000;
/** A job that takes longer than this (a hung engine) is stopped, and tried again. */
const JOB_TIMEOUT_MS = 5 * 60_000;
/** A job tried this many times (its process failed each time) is dropped, with a log line. */
const MAX_ATTEMPTS = 3;
/**
 * Narrations made within this long share one page refresh: during a backfill a job ends every few
 * seconds, and a refresh for each re-rendered FAST and story pages under readers' load.
 */
const REFRESH_EVERY_MS = 10_000;
/**
 * While the server's event loop is over this busy, a job waits (rechecked each second): the job's
 * process is niced, yet on two vCPUs it still cost pages under full load 22 % (bench:listen).
 */
const BUSY = 0.75;
/** ... but under lasting load one job still starts this long after the last ended (new stories wait no longer). */
const BUSY_GAP_MS = 30_000;
/** Silence between the parts of a narration made of several (the briefing's stories), seconds. */
const PAUSE_SECONDS = 1.2;

/** Resolved from the working folder, as Next.js leaves these files out of its bundles. */
const JOB_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/narration/narrate-job.mjs");

/** A made narration: its length, bytes and file, and when it was made (ISO). */
export type Narration = { hash: string; seconds: number; bytes: number; file: string; made: string };

/** What to speak: parts read one after another, a pause between them; the pages that show it. */
export type Words = { hash: string; parts: string[] };

type Job = Words & { paths: string[]; attempts: number; fresh: boolean };

type State = {
  fresh: Job[];
  backfill: Job[];
  waiting: Set<string>;
  /** The job being made, by its process. */
  current?: { job: Job; child: ChildProcess; timer: NodeJS.Timeout };
  /** Pages whose narration was made since the last refresh took them. */
  made: Set<string>;
  /** Narrations known made, by hash (a page render or an audio request reads no file for them). */
  known: Map<string, Narration>;
  /** Words the engine refused (not a crash): not queued again in this process (new words are). */
  refused: Set<string>;
  /** After a job's process failed: no job is started before this time (ms). */
  pausedUntil: number;
  resume?: NodeJS.Timeout;
  /** When the last job ended (ms), and the event loop's use since the last look. */
  lastEnded: number;
  loop?: EventLoopUtilization;
  /** The refresh that will show what was made meanwhile. */
  refresh?: NodeJS.Timeout;
  failures: number;
  /** The server's start-up context: job processes and timers are made in it, never in a page render's. */
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
    refused: new Set(),
    lastEnded: 0,
    pausedUntil: 0,
    failures: 0,
  }));

/** Called once at server start-up (lib/server/startup.ts), outside any request. */
export function startQueue(): void {
  const s = state();
  if (s.root) return;
  s.root = new AsyncResource("dispatch.narration");
  // A job's process does not outlive the server (a shutdown exits without waiting for it).
  process.on("exit", () => s.current?.child.kill("SIGKILL"));
}

/** Runs `fn` in the start-up's context (a timer set in a page render must not belong to it). */
export function inStartupContext<T>(fn: () => T): T {
  const root = state().root;
  return root ? root.runInAsyncScope(fn) : fn();
}

export function narrationDir(): string {
  return path.join(env.dataDir, "narration");
}

/** The address of these words read by this site's voice. */
export function wordsOf(parts: string[]): Words {
  const hash = createHash("sha256")
    .update(`${voiceKey()}\n${parts.join("\n\n\u241e\n\n")}`)
    .digest("hex")
    .slice(0, 32);
  return { hash, parts };
}

/** The narration made for this hash, if any (a file whose sidecar is whole). */
export function readMade(hash: string): Narration | undefined {
  const s = state();
  const known = s.known.get(hash);
  if (known) return known;
  const file = path.join(narrationDir(), `${hash}.mp3`);
  try {
    const meta: unknown = JSON.parse(readFileSync(`${file}.json`, "utf8"));
    if (!isMeta(meta)) return undefined;
    const made = { hash, seconds: meta.seconds, bytes: meta.bytes, file, made: meta.made ?? "" };
    s.known.set(hash, made);
    return made;
  } catch {
    return undefined;
  }
}

/** A narration's file removed (lib/narration/sweep.ts): no longer known. */
export function forgetMade(hash: string): void {
  state().known.delete(hash);
}

function isMeta(v: unknown): v is { seconds: number; bytes: number; made?: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    "seconds" in v &&
    "bytes" in v &&
    typeof v.seconds === "number" &&
    typeof v.bytes === "number" &&
    (!("made" in v) || typeof v.made === "string")
  );
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

/** Queues the words unless they are queued already; `fresh` goes before the archive's. */
export function enqueue(words: Words, paths: string[], fresh: boolean): void {
  const s = state();
  if (s.waiting.has(words.hash) || s.refused.has(words.hash)) return;
  const list = fresh ? s.fresh : s.backfill;
  if (list.length >= MAX_WAITING) {
    // The backfill finds it again on its next pass; a new story's page asks again when it renders.
    if (fresh) console.warn(`narration: queue full, ${paths[0] ?? words.hash} waits for its next render`);
    return;
  }
  s.waiting.add(words.hash);
  list.push({ ...words, paths, attempts: 0, fresh });
  next();
}

function next() {
  const s = state();
  if (s.current) return;
  const busy = s.loop !== undefined && performance.eventLoopUtilization(s.loop).utilization > BUSY;
  s.loop = performance.eventLoopUtilization();
  const gap = busy ? s.lastEnded + BUSY_GAP_MS - Date.now() : 0;
  const wait = Math.max(s.pausedUntil - Date.now(), Math.min(gap, 1_000));
  if (wait > 0 && (s.fresh.length > 0 || s.backfill.length > 0)) {
    s.resume ??= inStartupContext(() =>
      setTimeout(() => {
        s.resume = undefined;
        next();
      }, wait).unref(),
    );
    return;
  }
  const job = s.fresh.shift() ?? s.backfill.shift();
  if (!job) return;
  let child: ChildProcess;
  try {
    mkdirSync(narrationDir(), { recursive: true });
    // Made in the start-up's context: its events must not run inside the page render that asked.
    child = inStartupContext(() =>
      // Without V8's fast API calls: Node 20's WASI calls allocate inside them, and a collection
      // there crashes the process (a segfault or abort within a few parts; narrate-job.mjs).
      spawn(process.execPath, ["--no-turbo-fast-api-calls", JOB_FILE], {
        stdio: ["pipe", "pipe", "inherit"],
        cwd: process.cwd(),
      }),
    );
  } catch (error) {
    console.error(`narration: a job cannot start: ${String(error)}`);
    return failed(job);
  }
  const chars = job.parts.reduce((n, p) => n + p.length, 0);
  s.current = {
    job,
    child,
    timer: inStartupContext(() =>
      setTimeout(() => child.kill("SIGKILL"), JOB_TIMEOUT_MS + chars * 10).unref(),
    ),
  };
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.on("error", () => undefined); // "close" follows, with no code: the job failed
  child.on("close", (code, signal) => {
    if (s.current?.child !== child) return;
    clearTimeout(s.current.timer);
    const reply = lastJson(out);
    if (code === 0 && reply) return finished(job, reply);
    console.error(`narration: ${job.paths[0] ?? job.hash}: its process ended (${signal ?? `exit ${code}`})`);
    failed(job);
  });
  child.stdin?.on("error", () => undefined); // a process that died at once: "close" says so
  child.stdin?.end(
    JSON.stringify({
      voice: env.narrationVoice,
      model: env.narrationModel,
      kbps: KBPS,
      dir: narrationDir(),
      parts: job.parts,
      pause: PAUSE_SECONDS,
      file: path.join(narrationDir(), `${job.hash}.mp3`),
    }),
  );
}

/** The last line of a job's output, as JSON, or undefined. */
function lastJson(out: string): object | undefined {
  try {
    const v: unknown = JSON.parse(out.trim().split("\n").at(-1) ?? "");
    return typeof v === "object" && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A job whose process failed: tried again later (paused, longer each time), or dropped. */
function failed(job: Job) {
  const s = state();
  s.current = undefined;
  s.lastEnded = Date.now();
  s.failures += 1;
  s.pausedUntil = Date.now() + Math.min(600_000, 1_000 * 4 ** Math.min(s.failures, 5));
  // Back where it was: a failed job of the archive's does not go before new stories.
  if (++job.attempts < MAX_ATTEMPTS) (job.fresh ? s.fresh : s.backfill).unshift(job);
  else {
    s.waiting.delete(job.hash);
    console.error(`narration: ${job.paths[0] ?? job.hash} dropped after ${MAX_ATTEMPTS} failed tries`);
  }
  next();
}

function finished(job: Job, reply: object) {
  const s = state();
  s.current = undefined;
  s.lastEnded = Date.now();
  s.waiting.delete(job.hash);
  if ("error" in reply) {
    // The engine refused these words (narrate-job.mjs exits non-zero for anything else): not tried
    // again in this process until they change.
    console.error(`narration: ${job.paths[0] ?? job.hash}: ${String(reply.error)}`);
    s.refused.add(job.hash);
  } else {
    s.failures = 0;
    for (const p of job.paths) s.made.add(p);
    s.refresh ??= inStartupContext(() =>
      setTimeout(() => {
        s.refresh = undefined;
        void requestRevalidation("narration made", (line) => {
          if (!line.includes("published")) console.warn(`narration: ${line}`);
        });
      }, REFRESH_EVERY_MS).unref(),
    );
  }
  next();
}
