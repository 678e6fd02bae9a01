import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The first build runs beside serving (ready does not wait for it; searches answer from the stories
 * indexed so far). Its writer thread runs at the lowest priority, yet at 100k stories under full load
 * it still cost the pages a fifth of their throughput for its 25 s (bench:scale, issue 26): the two
 * cores are shared with more than the scheduler sees. So while this thread is busy serving (its event
 * loop more than BUSY_LOOP of the time busy over the last batch), the next batch waits twice as long as
 * this one took: the build slows to a third of its pace under load, and runs at full speed otherwise.
 */
const BUSY_LOOP = 0.75;
const MAX_PAUSE_MS = 1_000;

export async function giveWayToPages(
  since: ReturnType<typeof performance.eventLoopUtilization>,
  took: number,
) {
  if (performance.eventLoopUtilization(since).utilization < BUSY_LOOP) return;
  await sleep(Math.min(MAX_PAUSE_MS, 2 * took));
}
