/**
 * Load from the moment a server answers, measured in back-to-back windows (issue 26): each window's
 * p99, requests a second and errors, the time until `/health` says ready, and the server's memory
 * (its process tree's RSS, sampled every second). For the first seconds after a start and for
 * periodic work (the content rescan), which an average over a whole run hides.
 */
import autocannon from "autocannon";
import { treeRssMiB } from "./lib.mjs";

/** Resolves when `base` answers anything (a status, even 5xx), with the time it did. */
export async function firstAnswer(base, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
      return Date.now();
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`timed out waiting for ${base}`);
}

/**
 * Polls `/health` every 250 ms from now on; `readyAt()` is the first time it answered 200 (after any
 * 503 "starting"), `stop()` ends it. Counts the 5xx answers of anything else.
 */
export function watchReady(base) {
  let readyAt;
  let stopped = false;
  const statuses = [];
  const loop = (async () => {
    while (!stopped && readyAt === undefined) {
      try {
        const r = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) });
        const body = await r.text();
        statuses.push(`${r.status} ${body.trim()}`);
        if (r.status === 200) readyAt = Date.now();
      } catch (error) {
        statuses.push(String(error));
      }
      if (readyAt === undefined) await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    readyAt: () => readyAt,
    statuses: () => [...new Set(statuses)],
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/**
 * `seconds` of load over `paths` (each connection cycles through them) in windows of
 * `windowSeconds`, back to back. `pid`: the server, whose tree's RSS is sampled every second.
 */
export async function loadInWindows({
  base,
  paths,
  pid,
  connections = 20,
  seconds = 180,
  windowSeconds = 5,
  log,
}) {
  const windows = [];
  let peakRssMiB = 0;
  const sample = () => (peakRssMiB = Math.max(peakRssMiB, treeRssMiB(pid)));
  const sampler = setInterval(sample, 1_000);
  const started = Date.now();
  try {
    while (Date.now() - started < seconds * 1000) {
      const at = (Date.now() - started) / 1000;
      const r = await autocannon({
        url: base,
        connections,
        duration: windowSeconds,
        requests: paths.map((path) => ({ method: "GET", path })),
      });
      const row = {
        at: Math.round(at),
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        rps: Math.round(r.requests.average),
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        status5xx: r["5xx"] ?? 0,
        // The "starting" answers (lib/server/readiness.ts) among them: 503s by design, not faults.
        starting: r.statusCodeStats?.["503"]?.count ?? 0,
        rssMiB: Math.round(treeRssMiB(pid)),
      };
      windows.push(row);
      log?.(row);
    }
  } finally {
    clearInterval(sampler);
  }
  sample();
  return { windows, peakRssMiB: Math.round(peakRssMiB) };
}

/** The median of the windows' requests a second, and the worst window by p99, among `windows`. */
export function summarize(windows) {
  if (windows.length === 0) return { steadyRps: 0, worstP99: undefined, lowestRps: undefined };
  const rps = windows.map((w) => w.rps).sort((a, b) => a - b);
  const steadyRps = rps[Math.floor(rps.length / 2)];
  const worstP99 = windows.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const lowestRps = windows.reduce((a, b) => (b.rps < a.rps ? b : a));
  return { steadyRps, worstP99, lowestRps };
}
