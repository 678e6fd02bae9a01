/** Small helpers for the benchmark: processes, readiness, statistics. Loopback only. */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { localNginxConf } from "../test/nginx-conf.cjs";

export function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  child.log = () => log;
  return child;
}

/**
 * Runs a command to its end; its output is kept for the error. With `heartbeat` (a phase's name, for
 * a long quiet phase such as a build), a line every 5 s says it is still going and for how long, so a
 * healthy bench can be told from a stuck one.
 */
export function run(command, args, { heartbeat, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const beat = heartbeat
      ? setInterval(
          () => console.error(`${heartbeat}: still running, ${Math.round((Date.now() - started) / 1000)}s`),
          5_000,
        )
      : undefined;
    const child = start(command, args, options);
    child.on("exit", (code) => {
      clearInterval(beat);
      if (heartbeat) console.error(`${heartbeat}: done in ${Math.round((Date.now() - started) / 1000)}s`);
      if (code === 0) resolve(child.log());
      else reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${child.log()}`));
    });
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

/** Node's flags in the shipped start command (package.json's start, docs/DEPLOY.md "Memory"). */
export const SHIPPED_NODE_FLAGS = ["--max-old-space-size=768", "--max-semi-space-size=64"];

/**
 * `next start` on loopback as the bench's child, with `env` (CONTENT_DIR, NEXT_DIST_DIR, ...). Node
 * runs Next.js itself (no npx wrapper), so signals and memory are the server's own; `nodeFlags` are
 * Node's (heap limits, --cpu-prof, --trace-gc).
 */
export function startNext(port, { env, nodeFlags = [] }) {
  return start(
    process.execPath,
    [...nodeFlags, "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    { env },
  );
}

/**
 * One of the bare comparison apps (bench/baseline, bench/ppr): built, then served by `next start` on
 * loopback. Resolves with the server process once it answers; stop it with stop().
 */
export async function startBareApp(app, port) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await run(process.execPath, ["node_modules/next/dist/bin/next", "build", app], { env });
  const child = start(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", app, "-H", "127.0.0.1", "-p", String(port)],
    { env },
  );
  await waitFor(`http://127.0.0.1:${port}/`);
  return child;
}

/** deploy/nginx.conf as shipped (test/nginx-conf.cjs), run on loopback in front of one `next start`. */
export function nginxProxy({ dir, listenPort, upstreamPort }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "nginx.conf"), localNginxConf({ listenPort, upstreamPorts: [upstreamPort] }));
  return start("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")]);
}

/** A process and all its descendants (Linux /proc). */
function treePids(rootPid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const pids = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop();
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
export function treeRssMiB(rootPid) {
  let kib = 0;
  for (const pid of treePids(rootPid)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kib += Number(m?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kib / 1024;
}

/** CPU seconds (user + system) a process and its living descendants have used so far. */
export function treeCpuSeconds(rootPid) {
  let ticks = 0;
  for (const pid of treePids(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command's name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  // USER_HZ is 100 on Linux.
  return ticks / 100;
}

/** Requests in flight at SIGTERM: all must finish whole, then the server exits. */
export async function drainUnderLoad(server, base) {
  const agent = new http.Agent({ keepAlive: false });
  const inflight = [];
  let headersSeen = 0;
  for (let i = 0; i < 40; i++) {
    inflight.push(
      new Promise((resolve) => {
        const req = http.get(`${base}/fast`, { agent }, (res) => {
          headersSeen += 1;
          let bytes = 0;
          res.on("data", (d) => (bytes += d.length));
          res.on("end", () => resolve({ status: res.statusCode, bytes, complete: res.complete }));
          res.on("error", (e) => resolve({ error: e.code ?? e.message }));
        });
        req.on("error", (e) => resolve({ error: e.code ?? e.message }));
      }),
    );
  }
  // Wait until the server has started answering, so requests are genuinely mid-flight.
  while (headersSeen === 0) await new Promise((r) => setTimeout(r, 5));
  const signalledAt = Date.now();
  const exited = new Promise((resolve) =>
    server.on("exit", (code, signal) => resolve({ code, signal, ms: Date.now() - signalledAt })),
  );
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 20));
  const health = await fetch(`${base}/health`).then(
    (r) => r.status,
    (e) => e.cause?.code ?? e.message,
  );
  const results = await Promise.all(inflight);
  const exit = await exited;
  const expectedBytes = Math.max(...results.map((r) => r.bytes ?? 0));
  return {
    inFlight: results.length,
    answeredBeforeSignal: headersSeen,
    completed: results.filter((r) => r.status === 200 && r.complete && r.bytes === expectedBytes).length,
    failed: results.filter((r) => r.error).map((r) => r.error),
    healthWhileDraining: health,
    exitCode: exit.code,
    exitSignal: exit.signal,
    exitMs: exit.ms,
  };
}

/**
 * Saves `text` as `file` under `dir` the way editors' tools and sync tools do: written to a
 * temporary name beside it, then renamed into place (its folder made first if it is new).
 */
export function saveByRename(dir, file, text) {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  const temp = path.join(path.dirname(full), `.${path.basename(full)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, full);
}
