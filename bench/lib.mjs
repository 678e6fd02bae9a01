/** Small helpers for the benchmark: processes, readiness, statistics. Loopback only. */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  child.log = () => log;
  return child;
}

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options);
    child.on("exit", (code) => (code === 0 ? resolve(child.log()) : reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${child.log()}`))));
  });
}

export async function waitFor(url, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

export function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * deploy/nginx.conf as shipped, run on loopback in front of one `next start`. When the bench runs as
 * root, nginx's workers stay root so they can use the temporary folders it made.
 */
export function nginxProxy({ dir, listenPort, upstreamPort }) {
  mkdirSync(dir, { recursive: true });
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  const conf = readFileSync("deploy/nginx.conf", "utf8")
    .replace("listen 8080;", `listen 127.0.0.1:${listenPort};`)
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${upstreamPort};`)
    .replace("events {", `daemon off;\n${user}events {`);
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  return start("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")]);
}
