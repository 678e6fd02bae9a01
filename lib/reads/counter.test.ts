import { describe, expect, it } from "vitest";
import { addressHash, hourOf, isBot, ReadCounter } from "./counter";

const READER =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1";
const t0 = Date.parse("2026-12-04T09:10:00Z");

describe("ReadCounter", () => {
  it("counts a story once per address per hour: a flood from one address moves it by one", () => {
    const c = new ReadCounter({ perMinute: 1_000 });
    expect(c.accept("a", "addr-1", READER, t0)).toBe("counted");
    for (let i = 0; i < 500; i++) expect(c.accept("a", "addr-1", READER, t0 + i)).toBe("repeat");
    expect(c.accept("a", "addr-2", READER, t0)).toBe("counted");
    expect(c.accept("b", "addr-1", READER, t0)).toBe("counted");
    // The next hour counts again.
    expect(c.accept("a", "addr-1", READER, t0 + 3_600_000)).toBe("counted");
    expect(c.take()).toEqual([
      { story: "a", hour: "2026-12-04T09", count: 2 },
      { story: "b", hour: "2026-12-04T09", count: 1 },
      { story: "a", hour: "2026-12-04T10", count: 1 },
    ]);
    expect(c.take()).toEqual([]);
  });

  it("refuses an address past its beacons a minute, and takes it again the next minute", () => {
    const c = new ReadCounter({ perMinute: 3 });
    expect(["s1", "s2", "s3", "s4"].map((s) => c.accept(s, "addr", READER, t0))).toEqual([
      "counted",
      "counted",
      "counted",
      "limited",
    ]);
    expect(c.accept("s5", "other", READER, t0)).toBe("counted");
    expect(c.accept("s4", "addr", READER, t0 + 60_000)).toBe("counted");
  });

  it("does not count bots, link previewers or headless browsers", () => {
    const c = new ReadCounter({ perMinute: 100 });
    for (const ua of [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "facebookexternalhit/1.1",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36",
      "curl/8.5.0",
      "",
    ])
      expect(c.accept("a", ua || "empty", ua, t0)).toBe("bot");
    expect(isBot(READER)).toBe(false);
    expect(c.waiting).toBe(0);
  });

  it("keeps counting new readers in fixed memory, and counts a pair once", () => {
    const c = new ReadCounter({ perMinute: 100 });
    let counted = 0;
    let repeats = 0;
    // Half a million distinct (address, story) pairs in one hour (the old set's limit), then each of
    // the first 10,000 again.
    for (let i = 0; i < 500_000; i++) {
      const v = c.accept(`s-${i % 1000}`, `a-${i}`, READER, t0 + Math.floor(i / 1000) * 1000 - 600_000);
      if (v === "counted") counted++;
      else if (v === "repeat") repeats++;
      if (i % 100_000 === 0) c.take();
    }
    // Taken for repeats by the filter's chance: a small share, never a stop.
    expect(repeats / 500_000).toBeLessThan(0.001);
    expect(counted + repeats).toBe(500_000);
    for (let i = 0; i < 10_000; i++)
      expect(c.accept(`s-${i % 1000}`, `a-${i}`, READER, t0 + 500_000)).toBe("repeat");
  }, 30_000);

  it("keeps reads given back after a failed write, added to those counted since", () => {
    const c = new ReadCounter({ perMinute: 100 });
    c.accept("a", "x", READER, t0);
    const rows = c.take();
    c.accept("a", "y", READER, t0);
    c.giveBack(rows);
    expect(c.take()).toEqual([{ story: "a", hour: "2026-12-04T09", count: 2 }]);
  });
});

describe("hashes and hours", () => {
  it("hashes an address with the salt (never the address itself) and names hours in UTC", () => {
    expect(addressHash("203.0.113.9", "s1")).not.toContain("203");
    expect(addressHash("203.0.113.9", "s1")).not.toBe(addressHash("203.0.113.9", "s2"));
    expect(hourOf(Date.parse("2026-12-04T23:59:59+08:00"))).toBe("2026-12-04T15");
  });
});
