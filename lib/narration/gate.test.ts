import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetProcessSingleton } from "@/lib/runtime/singleton";
import { holdJobs, loadWait } from "./gate";

const T0 = Date.parse("2026-12-05T09:00:00Z");

describe("the narration's load gate", () => {
  beforeEach(() => {
    resetProcessSingleton("narration.gate");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it("lets a job start at once on an idle server", () => {
    expect(loadWait(T0 - 60_000)).toBe(0);
  });

  it("holds jobs for a publish, however long ago the last one ended, then lets them go", () => {
    holdJobs(3_000);
    expect(loadWait(T0 - 3600_000)).toBe(1_000); // looked at again in a second
    vi.setSystemTime(T0 + 2_500);
    expect(loadWait(T0 - 3600_000)).toBe(500);
    vi.setSystemTime(T0 + 3_000);
    expect(loadWait(T0 - 3600_000)).toBe(0);
  });

  it("holds for 30 s at most while publishes follow one another, so narration is never starved", () => {
    for (let t = 0; t < 40_000; t += 2_000) {
      vi.setSystemTime(T0 + t);
      holdJobs(3_000);
      expect(loadWait(T0) > 0).toBe(t < 30_000);
    }
    // After a break in the publishes, the next one holds again.
    vi.setSystemTime(T0 + 50_000);
    holdJobs(3_000);
    expect(loadWait(T0)).toBeGreaterThan(0);
  });
});
