import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { giveWayToPages } from "./pace";

/** Keeps this thread's event loop busy for `ms` (as a server rendering pages would). */
function spin(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
}

describe("giveWayToPages", () => {
  it("waits twice as long as the batch took while the server's thread is busy", async () => {
    const since = performance.eventLoopUtilization();
    spin(80);
    const t0 = performance.now();
    await giveWayToPages(since, 60);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
  });

  it("waits at most a second, however long the batch took", async () => {
    const since = performance.eventLoopUtilization();
    spin(80);
    const t0 = performance.now();
    await giveWayToPages(since, 60_000);
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(995);
    expect(waited).toBeLessThan(5_000);
  });

  it("does not wait while the thread is mostly idle", async () => {
    const since = performance.eventLoopUtilization();
    await sleep(200);
    const t0 = performance.now();
    // A batch that took 5 s would mean a full second's pause if the loop had been busy.
    await giveWayToPages(since, 5_000);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
