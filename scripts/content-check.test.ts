import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * `npm run content:check` on an archive as it runs in a deploy log (not a terminal): it says how far
 * it is while it reads, not only at the end, and a broken file counts as failed as it goes.
 */
function check(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/content-check.ts"], {
      env: { ...process.env, CONTENT_DIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run content:check at archive scale", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-check-"));
  beforeAll(() => {
    expect(spawnSync(process.execPath, ["--import", "tsx", "bench/generate.mjs", "6000", dir]).status).toBe(
      0,
    );
    writeFileSync(path.join(dir, "world", "broken.md"), "---\ntitle: [unclosed\n---\nText.\n");
  });

  it(
    "prints its progress, with failures so far, while it reads; then the problems",
    { timeout: 120_000 },
    async () => {
      const run = await check(dir);
      expect(run.code).toBe(1);
      const lines =
        run.stderr.match(
          /^content:check: \d+\/6001 files \(\d+%\), [\d.]+\/s, ETA \S+, failed \d, elapsed \S+$/gm,
        ) ?? [];
      expect(lines.length, run.stderr).toBeGreaterThanOrEqual(2);
      expect(lines.at(0)).toMatch(/^content:check: 0\/6001 files/);
      expect(lines.at(-1)).toMatch(/^content:check: 6001\/6001 files \(100%\), .*failed 1,/);
      expect(run.stderr).toContain("broken.md");
    },
  );
});
