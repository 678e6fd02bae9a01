/**
 * The narration's load gate (issue 24, bench:listen): pages before narration. A job's process is
 * niced, yet on two vCPUs it still cost pages under full load 22 %; so while the server's event loop
 * is busy, or a publish's pages are being made (holdJobs), a job waits; but under lasting load one
 * still starts a while after the last ended, so new stories' narrations are late, never starved.
 */
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { processSingleton } from "@/lib/runtime/singleton";

/** While the server's event loop is over this busy, a job waits (rechecked each second). */
const BUSY = 0.75;
/** ... but under lasting load one job still starts this long after the last ended. */
const BUSY_GAP_MS = 30_000;
/** How soon a waiting job looks again. */
const RECHECK_MS = 1_000;

/** A hold lasts this long at most while publishes follow one another without a break. */
const MAX_HOLD_MS = 30_000;

type Gate = { loop?: EventLoopUtilization; heldUntil: number; heldSince: number };

const gate = () => processSingleton<Gate>("narration.gate", () => ({ heldUntil: 0, heldSince: 0 }));

/** No job starts for `ms` from now (a publish: its pages re-render meanwhile). */
export function holdJobs(ms: number): void {
  const g = gate();
  const now = Date.now();
  if (g.heldUntil <= now) g.heldSince = now;
  g.heldUntil = Math.max(g.heldUntil, now + ms);
}

/**
 * Milliseconds the next job should wait (0: start now), given when the last job ended: a hold (for
 * MAX_HOLD_MS at most while publishes follow one another), else the event loop's use since the last
 * look.
 */
export function loadWait(lastEnded: number): number {
  const g = gate();
  const busy = g.loop !== undefined && performance.eventLoopUtilization(g.loop).utilization > BUSY;
  g.loop = performance.eventLoopUtilization();
  const now = Date.now();
  if (g.heldUntil > now && now - g.heldSince < MAX_HOLD_MS) return Math.min(g.heldUntil - now, RECHECK_MS);
  return busy ? Math.max(0, Math.min(lastEnded + BUSY_GAP_MS - now, RECHECK_MS)) : 0;
}
