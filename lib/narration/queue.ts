/**
 * The narration's queue (issue 24, ADR 0016): jobs go one at a time, through a bounded queue, to a
 * process of their own at the lowest priority (narrate-job.mjs: one that crashes costs that job, never
 * the server); new stories' jobs go before the archive's, and every job waits while pages are busy
 * (gate.ts). What a job makes is store.ts's; the pages that show it are refreshed by shown.ts. What
 * is asked for, and when, is narrator.ts's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";
import { processSingleton } from "@/lib/runtime/singleton";
import { inStartupContext, keepStartupContext } from "./context";
import { holdJobs, loadWait } from "./gate";
import { showMade } from "./shown";
import { narrationDir, type Words } from "./store";

/** The MP3's bitrate: speech at 16 kHz mono is clear at 48 kbps (about 6 KB a second). */
const KBPS = 48;
/** Waiting jobs at most in each queue; a backfill beyond it is found again by the next pass. */
const MAX_WAITING = 1_000;
/** A job that takes longer than this (a hung engine) is stopped, and tried again. */
const JOB_TIMEOUT_MS = 5 * 60_000;
/** A job tried this many times (its process failed each time) is dropped, with a log line. */
const MAX_ATTEMPTS = 3;
/** How long narration gives way to a publish: the pages it touched re-render meanwhile. */
const GIVE_WAY_MS = 3_000;
/** A job is paused for publishes this long at most in all (a stream of them must not time it out). */
const MAX_PAUSED_MS = 30_000;
/** Silence between the parts of a narration made of several (the briefing's stories), seconds. */
const PAUSE_SECONDS = 1.2;

/** Resolved from the working folder, as Next.js leaves these files out of its bundles. */
const JOB_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/narration/narrate-job.mjs");

/** A job: the words, and the pages that show their narration once made. */
type Job = Words & { paths: string[]; attempts: number; fresh: boolean };

type Current = {
  job: Job;
  child: ChildProcess;
  timer: NodeJS.Timeout;
  stoppedAt?: number;
  pausedMs: number;
  resume?: NodeJS.Timeout;
};

type State = {
  fresh: Job[];
  backfill: Job[];
  waiting: Set<string>;
  /** The job being made, by its process; paused (SIGSTOP) since `stoppedAt` while a publish's pages are made. */
  current?: Current;
  /** Words the engine refused (not a crash): not queued again in this process (new words are). */
  refused: Set<string>;
  /** After a job's process failed: no job is started before this time (ms). */
  pausedUntil: number;
  resume?: NodeJS.Timeout;
  /** When the last job ended (ms). */
  lastEnded: number;
  failures: number;
  /** The job's script (narrate-job.mjs; a test gives one of its own). */
  jobFile: string;
};

/** One per process: every route bundle has its own copy of this module, and they share the queue. */
const state = () =>
  processSingleton<State>("narration.state", () => ({
    fresh: [],
    backfill: [],
    waiting: new Set(),
    refused: new Set(),
    lastEnded: 0,
    pausedUntil: 0,
    failures: 0,
    jobFile: JOB_FILE,
  }));

/** Called once at server start-up (lib/server/startup.ts), outside any request. */
export function startQueue(jobFile = JOB_FILE): void {
  state().jobFile = jobFile;
  if (!keepStartupContext()) return;
  // A job's process does not outlive the server (a shutdown exits without waiting for it).
  process.on("exit", () => state().current?.child.kill("SIGKILL"));
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
  const wait = Math.max(s.pausedUntil - Date.now(), loadWait(s.lastEnded));
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
      spawn(process.execPath, ["--no-turbo-fast-api-calls", s.jobFile], {
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
    pausedMs: 0,
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
    clearTimeout(s.current.resume);
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

/**
 * A publish is being made (its pages re-render now): narration gives way for GIVE_WAY_MS. No job
 * starts meanwhile, and the one being made is paused (SIGSTOP, then SIGCONT): at the lowest priority
 * it still slowed publishing on two vCPUs (bench:listen). A job is paused MAX_PAUSED_MS in all at most.
 */
export function giveWay(): void {
  const s = state();
  holdJobs(GIVE_WAY_MS);
  const current = s.current;
  if (!current) return;
  const now = Date.now();
  const left =
    MAX_PAUSED_MS - current.pausedMs - (current.stoppedAt === undefined ? 0 : now - current.stoppedAt);
  if (left <= 0) return;
  if (current.stoppedAt === undefined) {
    try {
      if (!current.child.kill("SIGSTOP")) return; // its process has just ended
    } catch {
      return; // a system without the signal: the job runs on at its low priority
    }
    current.stoppedAt = now;
  }
  clearTimeout(current.resume);
  current.resume = inStartupContext(() =>
    setTimeout(() => carryOn(current), Math.min(GIVE_WAY_MS, left)).unref(),
  );
}

/** A paused job goes on (also when its process is gone: the signal then does nothing). */
function carryOn(current: Current) {
  if (current.stoppedAt === undefined) return;
  current.pausedMs += Date.now() - current.stoppedAt;
  current.stoppedAt = undefined;
  current.child.kill("SIGCONT");
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
    showMade(job.paths);
  }
  next();
}
