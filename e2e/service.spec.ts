import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_SERVER_ENV } from "../playwright.config";

/**
 * The service commands docs/DEPLOY.md gives, run as written (read from the doc, so a doc change that
 * breaks one fails here): SIGTERM to the process a supervisor starts must leave nothing behind, and
 * the same command must start again on the same port at once. The first `npm run serve` left its
 * `next-server` running without a parent, and the restart failed with EADDRINUSE.
 */
const PORT = 3192;
const DEPLOY = readFileSync("docs/DEPLOY.md", "utf8");

/** The example unit's ExecStart, split as systemd splits it (no shell), for this port. */
function unitCommand(): string[] {
  const line = /^ExecStart=(.+)$/m.exec(DEPLOY)?.[1];
  if (!line) throw new Error("docs/DEPLOY.md has no ExecStart= line");
  return line.replaceAll("%i", String(PORT)).trim().split(/\s+/);
}

/** Processes (other than this one) whose environment carries the marker: the service's whole tree. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, "latin1").includes(marker)) found.push(Number(pid));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found.filter((pid) => pid !== process.pid);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function start(command: string[], env: Record<string, string>) {
  const [file = "", ...args] = command;
  const marker = `DISPATCH_SERVICE_TEST=${randomUUID()}`;
  const child = spawn(file, args, {
    env: {
      ...process.env,
      ...E2E_SERVER_ENV,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "dispatch-service-")),
      [marker.split("=")[0] ?? ""]: marker.split("=")[1] ?? "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, marker, exited, log: () => log };
}

async function healthy(): Promise<void> {
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${PORT}/health`).catch(() => undefined))?.status, {
      timeout: 30_000,
    })
    .toBe(200);
}

const commands: [string, () => string[], Record<string, string>][] = [
  ["the example unit's ExecStart", unitCommand, {}],
  ["npm run serve", () => ["npm", "run", "serve"], { PORT: String(PORT) }],
];

for (const [name, command, env] of commands) {
  test(`${name}: SIGTERM leaves no process behind, and the port is free to start again`, async ({}, info) => {
    test.skip(info.project.name !== "desktop", "one server process is enough");
    test.setTimeout(90_000);
    // The test before may have SIGKILLed its server a moment ago: wait for the kernel to free the port.
    await expect.poll(() => portFree(PORT), { timeout: 10_000 }).toBe(true);
    const first = start(command(), env);
    let again: ReturnType<typeof start> | undefined;
    try {
      await healthy();
      expect(processesWith(first.marker)).toContain(first.child.pid);
      first.child.kill("SIGTERM");
      expect(await first.exited, first.log()).toBe(0);
      // Whatever the supervisor started is gone with it: no orphan keeps the port.
      await expect.poll(() => processesWith(first.marker), { timeout: 5_000 }).toEqual([]);
      expect(await portFree(PORT)).toBe(true);

      again = start(command(), env);
      await healthy();
      expect(again.log()).not.toContain("EADDRINUSE");
    } finally {
      for (const run of [first, again]) {
        for (const pid of run ? processesWith(run.marker) : []) process.kill(pid, "SIGKILL");
      }
      await Promise.all([first.exited, again?.exited]);
    }
  });
}
