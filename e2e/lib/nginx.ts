import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** True when nginx can be run here; CI installs it (.ci/run), so specs skip only on a bare laptop. */
export function hasNginx(): boolean {
  return spawnSync("nginx", ["-v"]).status === 0;
}

export type Proxy = { url: string; stop: () => Promise<void> };

/**
 * deploy/nginx.conf as shipped, on a loopback port that is not 80, in front of the given upstream
 * ports (one `server` line each, as an operator adds them). Only the listen address, the upstream
 * and the process settings are changed.
 */
export async function startProxy(listenPort: number, upstreamPorts: number[]): Promise<Proxy> {
  const dir = mkdtempSync(path.join(tmpdir(), "dispatch-nginx-"));
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  const conf = readFileSync("deploy/nginx.conf", "utf8")
    .replace("listen 8080;", `listen 127.0.0.1:${listenPort};`)
    .replace("server 127.0.0.1:3000;", upstreamPorts.map((p) => `server 127.0.0.1:${p};`).join("\n    "))
    .replace("events {", `daemon off;\n${user}events {`);
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child: ChildProcess = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${listenPort}`;
  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${log}`);
    try {
      await fetch(`${url}/health`);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`nginx did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGQUIT");
      }),
  };
}
