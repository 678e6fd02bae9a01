import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_SERVER_ENV } from "../../playwright.config";

export type ExtraServer = {
  url: string;
  process: ChildProcess;
  /** What it was started with beyond the suite's (its DATA_DIR among them). */
  env: Record<string, string>;
  /** Everything the server printed so far. */
  log: () => string;
  exited: Promise<number | null>;
  kill: () => void;
};

/**
 * Another production server on the suite's build and content, as an operator runs a second instance:
 * its own port and data folder, the same checkout, build and content folders. The command is the
 * service command of docs/DEPLOY.md (`node node_modules/next/dist/bin/next start -H 127.0.0.1 -p
 * PORT`), with this Node (`process.execPath`) for `/usr/bin/node`; e2e/service.spec.ts runs the doc's
 * own line.
 */
export function startExtraServer(port: number, extra: Record<string, string> = {}): ExtraServer {
  const env = { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "dispatch-extra-")), ...extra };
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: {
        ...process.env,
        ...E2E_SERVER_ENV,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // A process group of its own, killed whole: `next start`'s server process, and a narration
      // job it may have paused (SIGSTOP) a moment before, go with it.
      detached: true,
    },
  );
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    env,
    log: () => log,
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
    kill: () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL"); // the group is gone already
      }
    },
  };
}
