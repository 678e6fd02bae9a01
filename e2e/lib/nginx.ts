import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { localNginxConf } from "../../test/nginx-conf.cjs";

/** True when nginx can be run here; CI installs it (.ci/run), so specs skip only on a bare laptop. */
export function hasNginx(): boolean {
  return spawnSync("nginx", ["-v"]).status === 0;
}

export type Proxy = { url: string; stop: () => Promise<void> };

/**
 * deploy/nginx.conf as shipped (test/nginx-conf.cjs), on a loopback port that is not 80, in front
 * of the given upstream ports (one `server` line each, as an operator adds them), started with the
 * command docs/DEPLOY.md gives ("Running nginx": `nginx -p DIR -c DIR/nginx.conf`). Not as written
 * in two ways, both in the config: `daemon off;`, so that this process owns nginx and can stop it,
 * and a loopback listen address, so that a test run never opens a port on the machine's interfaces.
 */
export async function startProxy(listenPort: number, upstreamPorts: number[]): Promise<Proxy> {
  const dir = mkdtempSync(path.join(tmpdir(), "dispatch-nginx-"));
  const conf = localNginxConf({ listenPort, upstreamPorts });
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
