import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const JOB = path.join(import.meta.dirname, "narrate-job.mjs");

/** One job, run as the queue runs it (queue.ts): its exit code and its output's last line. */
function runJob(dir: string, words: string) {
  const job = { voice: "slt", kbps: 48, dir, parts: [words], pause: 1.2, file: path.join(dir, "h.mp3") };
  const r = spawnSync(process.execPath, ["--no-turbo-fast-api-calls", JOB], {
    input: JSON.stringify(job),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, last: r.stdout.trim().split("\n").at(-1) ?? "", file: job.file };
}

describe("narrate-job.mjs", () => {
  it("makes the file and its sidecar, and says so on its last line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "narrate-job-"));
    const r = runJob(dir, "A short sentence to read.");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.last)).toMatchObject({ seconds: expect.any(Number), bytes: expect.any(Number) });
    expect(existsSync(r.file) && existsSync(`${r.file}.json`)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("exits non-zero when it cannot write (a full disk, a folder gone): a failure tried again, not words refused", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "narrate-job-")), "gone");
    const r = runJob(dir, "A short sentence to read.");
    expect(r.status).not.toBe(0);
    // Refused words would be one line of JSON with an error: the queue would never try them again.
    expect(r.last).not.toContain('"error"');
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }, 60_000);
});
