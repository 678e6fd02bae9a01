import { describe, expect, it } from "vitest";
import { briefWindow } from "./window";

const morning = { at: "06:00", hours: 12 };

describe("briefWindow", () => {
  it("ends at the latest send time in the newsroom's zone and covers the hours before it", () => {
    // 06:05 in Singapore (UTC+8) is 22:05 UTC the day before.
    const w = briefWindow(morning, new Date("2026-11-28T22:05:00Z"), "Asia/Singapore");
    expect(w.end.toISOString()).toBe("2026-11-28T22:00:00.000Z");
    expect(w.start.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(w.date).toBe("2026-11-29");
  });

  it("run before today's send time, covers yesterday's window (a late or early timer sends the same issue)", () => {
    const w = briefWindow(morning, new Date("2026-11-28T21:59:00Z"), "Asia/Singapore");
    expect(w.date).toBe("2026-11-28");
    expect(w.end.toISOString()).toBe("2026-11-27T22:00:00.000Z");
  });

  it("starts at --since when given", () => {
    const since = new Date("2026-11-27T00:00:00Z");
    expect(briefWindow(morning, new Date("2026-11-28T22:05:00Z"), "Asia/Singapore", since).start).toEqual(
      since,
    );
  });

  it("follows daylight saving time in zones that have it", () => {
    // London: 06:00 is 06:00 UTC in winter and 05:00 UTC in summer.
    expect(briefWindow(morning, new Date("2026-01-10T12:00:00Z"), "Europe/London").end.toISOString()).toBe(
      "2026-01-10T06:00:00.000Z",
    );
    expect(briefWindow(morning, new Date("2026-07-10T12:00:00Z"), "Europe/London").end.toISOString()).toBe(
      "2026-07-10T05:00:00.000Z",
    );
    // The evening after the spring change (29 March 2026), a 12-hour window still ends at 18:00 local.
    const evening = briefWindow(
      { at: "18:00", hours: 12 },
      new Date("2026-03-29T18:30:00Z"),
      "Europe/London",
    );
    expect(evening.end.toISOString()).toBe("2026-03-29T17:00:00.000Z");
  });
});
