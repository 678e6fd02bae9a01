import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime } from "./time";

describe("times in the newsroom's zone (GMT+8)", () => {
  it("say 12 for the hour after midnight and after noon, never 0", () => {
    expect(formatClock("2026-12-04T16:02:00Z")).toBe("12:02 am GMT+8");
    expect(formatClock("2026-12-04T04:30:00Z")).toBe("12:30 pm GMT+8");
    expect(formatDateTime("2026-12-04T16:02:00Z")).toBe("5 Dec 2026, 12:02 am GMT+8");
  });

  it("read the rest of the day as written", () => {
    expect(formatClock("2026-01-15T23:41:00Z")).toBe("7:41 am GMT+8");
    expect(formatDateTime("2026-01-15T23:41:00Z")).toBe("16 Jan 2026, 7:41 am GMT+8");
  });
});

describe("formatShortTime", () => {
  it("gives the clock for today in the newsroom's zone and the day for earlier days", async () => {
    const { formatShortTime } = await import("./time");
    // Singapore (UTC+8, the default zone): 23:30 UTC on the 3rd is 7:30 am on the 4th there.
    const now = new Date("2026-12-04T02:00:00Z");
    expect(formatShortTime("2026-12-03T23:30:00Z", now)).toBe("7:30 am");
    expect(formatShortTime("2026-12-03T15:59:00Z", now)).toBe("3 Dec");
    expect(formatShortTime("2026-12-03T16:02:00Z", now)).toBe("12:02 am");
  });
});
