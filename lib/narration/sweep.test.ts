import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sweepUnused } from "./sweep";

const A = "a".repeat(32);
const B = "b".repeat(32);

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "narration-"));
  for (const h of [A, B]) {
    writeFileSync(path.join(dir, `${h}.mp3`), "mp3");
    writeFileSync(path.join(dir, `${h}.mp3.json`), "{}");
  }
  writeFileSync(path.join(dir, "briefing.json"), "{}");
  return dir;
}

describe("sweepUnused", () => {
  it("keeps a narration no story uses for the grace period, then removes it and its sidecar", () => {
    const dir = folder();
    const inUse = new Set([A]);
    expect(sweepUnused({ dir, inUse, graceMs: 1000, now: 10_000 })).toEqual([]);
    expect(sweepUnused({ dir, inUse, graceMs: 1000, now: 10_999 })).toEqual([]);
    expect(existsSync(path.join(dir, `${B}.mp3`))).toBe(true);
    expect(sweepUnused({ dir, inUse, graceMs: 1000, now: 11_000 })).toEqual([B]);
    expect(readdirSync(dir).sort()).toEqual([`${A}.mp3`, `${A}.mp3.json`, "briefing.json", "unused.json"]);
  });

  it("starts the wait again for a narration used again meanwhile", () => {
    const dir = folder();
    sweepUnused({ dir, inUse: new Set([A]), graceMs: 1000, now: 0 });
    sweepUnused({ dir, inUse: new Set([A, B]), graceMs: 1000, now: 500 });
    expect(sweepUnused({ dir, inUse: new Set([A]), graceMs: 1000, now: 1200 })).toEqual([]);
    expect(sweepUnused({ dir, inUse: new Set([A]), graceMs: 1000, now: 2200 })).toEqual([B]);
  });

  it("remembers across restarts when each was first seen unused (the marks are on disk)", () => {
    const dir = folder();
    sweepUnused({ dir, inUse: new Set(), graceMs: 1000, now: 0 });
    // A new process: nothing in memory, the marks read back.
    expect(sweepUnused({ dir, inUse: new Set(), graceMs: 1000, now: 1000 }).sort()).toEqual([A, B]);
  });

  it("leaves files of other names alone, and a folder not made yet is no error", () => {
    const dir = folder();
    writeFileSync(path.join(dir, "notes.txt"), "x");
    sweepUnused({ dir, inUse: new Set(), graceMs: 0, now: 0 });
    expect(readdirSync(dir).sort()).toEqual(["briefing.json", "notes.txt"]);
    expect(sweepUnused({ dir: path.join(dir, "none"), inUse: new Set(), graceMs: 0 })).toEqual([]);
  });

  it("removes what a killed job left (a partial file, a scratch folder) once an hour old", () => {
    const dir = folder();
    const now = Date.now();
    const old = new Date(now - 3601_000);
    for (const name of [`${A}.mp3.1.part`, `${A}.mp3.2.part`]) writeFileSync(path.join(dir, name), "x");
    for (const name of [".flite-old", ".flite-new"]) mkdirSync(path.join(dir, name));
    utimesSync(path.join(dir, `${A}.mp3.1.part`), old, old);
    utimesSync(path.join(dir, ".flite-old"), old, old);
    sweepUnused({ dir, inUse: new Set([A, B]), graceMs: 1000, now });
    const left = readdirSync(dir);
    expect(left).not.toContain(`${A}.mp3.1.part`);
    expect(left).not.toContain(".flite-old");
    expect(left).toContain(`${A}.mp3.2.part`);
    expect(left).toContain(".flite-new");
  });
});
