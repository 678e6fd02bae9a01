#!/usr/bin/env node
/**
 * `npm run bench:pollers` (issue 22): a live page through the shipped nginx on a breaking-news day.
 * POLLERS simulated readers (default 500) each ask the live page's poll endpoint every POLL_S (10)
 * seconds, spread evenly, while READERS connections (50) read home, a section, the live page and 100
 * random stories, and a new update is saved every UPDATE_S (20) seconds, for SECONDS (120).
 *
 * Reports: how many poll requests reached the origin (nginx's log, every line that names an
 * upstream, its background refreshes included) against the poll endpoint's cache lifetime; how long
 * each update took from its save to each polling reader, and to nginx answering it (a probe asking
 * every 250 ms, the site's own share); errors; the readers' throughput and p99; and the origin's
 * requests per second and CPU. One `next start` behind nginx, loopback only.
 *
 * POLLERS_SIZE stories (default 1000) are generated and built, unless POLLERS_CONTENT_DIR and
 * POLLERS_DIST_DIR name a folder and a build of it (the live story is added to the folder).
 * Writes bench/results/pollers.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { localNginxConf } from "../test/nginx-conf.cjs";
import { SECTIONS, generate } from "./generate.mjs";
import { LIVE, liveStory, update } from "./live-story.mjs";
import { run, start, startNext, stop, treeCpuSeconds, treeRssMiB } from "./lib.mjs";
import { firstAnswer, watchReady } from "./windows.mjs";

const SIZE = Number(process.env.POLLERS_SIZE || 1000);
const POLLERS = Number(process.env.POLLERS || 500);
/** The shipped pace (LIVE_POLL_MS, 10 s); the figure, 15 s, with POLL_S=15. */
const POLL_S = Number(process.env.POLL_S || 10);
const READERS = Number(process.env.READERS || 50);
const UPDATE_S = Number(process.env.UPDATE_S || 20);
const SECONDS = Number(process.env.SECONDS || 120);
/** The poll endpoint's cache lifetime (X-Accel-Expires in app/[section]/[slug]/updates.json). */
const CACHE_S = 3;
const PORT = 3420;
const PROXY_PORT = 8098;
const ENDPOINT = `/world/${LIVE}/updates.json`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let dir = process.env.POLLERS_CONTENT_DIR;
const prebuilt = Boolean(dir);
const distDir = process.env.POLLERS_DIST_DIR || ".next-pollers";
if (!dir) {
  dir = mkdtempSync(path.join(os.tmpdir(), `dispatch-pollers-${SIZE}-`));
  console.log(`pollers: generating ${SIZE} stories…`);
  await generate(SIZE, dir);
}
liveStory(dir);
const env = {
  ...process.env,
  NODE_ENV: "production",
  CONTENT_DIR: dir,
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: "1",
  SITE_URL: `http://127.0.0.1:${PROXY_PORT}`,
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "dispatch-pollers-data-")),
};
if (!prebuilt) {
  console.log(`pollers: building ${SIZE}…`);
  await run("node", ["node_modules/next/dist/bin/next", "build"], { env, heartbeat: "pollers: build" });
}

const server = startNext(PORT, { env });
const nginxDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-pollers-nginx-"));
const accessLog = path.join(nginxDir, "access.log");
// The shipped file, plus a log of every request with the upstream nginx asked (none: "-"). Background
// refreshes are subrequests: logged too, so every request that reached the origin is counted.
const logging = `log_format pollers '$msec $upstream_addr $upstream_cache_status $status $request_uri';
  access_log ${accessLog} pollers;
  log_subrequest on;`;
writeFileSync(
  path.join(nginxDir, "nginx.conf"),
  localNginxConf({
    listenPort: PROXY_PORT,
    upstreamPorts: [PORT],
    conf: readFileSync("deploy/nginx.conf", "utf8").replace("access_log off;", logging),
  }),
);
let nginx;
const results = {};
try {
  const origin = `http://127.0.0.1:${PORT}`;
  await firstAnswer(origin);
  const ready = watchReady(origin);
  while (ready.readyAt() === undefined) await sleep(250);
  await ready.stop();
  nginx = start("nginx", ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf")]);
  const base = `http://127.0.0.1:${PROXY_PORT}`;
  await firstAnswer(base);

  const stories = Array.from({ length: 100 }, () => Math.floor(Math.random() * SIZE));
  const paths = [
    "/",
    "/world",
    `/world/${LIVE}`,
    ...stories.map((i) => `/${SECTIONS[i % SECTIONS.length]}/story-${i}`),
  ];
  for (const p of [...paths, ENDPOINT]) await fetch(`${base}${p}`);

  const startedAt = Date.now();
  const until = startedAt + SECONDS * 1000;
  const cpuBefore = treeCpuSeconds(server.pid);
  const memory = [treeRssMiB(server.pid)];
  const sampler = setInterval(() => memory.push(treeRssMiB(server.pid)), 5_000);

  // Updates: saved every UPDATE_S seconds, each dated a second before its save (so it is out at once).
  const saved = new Map();
  let made = 0;
  const writer = setInterval(() => {
    // None in the last poll period and a little more: every poller gets one more ask after it.
    if (Date.now() > until - (POLL_S + 10) * 1000) return;
    const id = `poll${made++}`;
    saved.set(id, Date.now());
    update(dir, id, Date.now() - 1000);
  }, UPDATE_S * 1000);

  // The site's share: when nginx first answers each update (a probe every 250 ms).
  const servedAt = new Map();
  const probe = (async () => {
    while (Date.now() < until + POLL_S * 1000) {
      try {
        const view = await (await fetch(`${base}${ENDPOINT}`)).json();
        for (const u of view.updates ?? []) if (!servedAt.has(u.id)) servedAt.set(u.id, Date.now());
      } catch {
        // counted by the pollers
      }
      await sleep(250);
    }
  })();

  // The pollers: each asks every POLL_S seconds, their first asks spread over one period.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const seenAt = Array.from({ length: POLLERS }, () => new Map());
  const polls = { sent: 0, failed: 0, latencies: [] };
  const ask = (i) =>
    new Promise((resolve) => {
      const t0 = Date.now();
      polls.sent += 1;
      const request = http.get(
        `${base}${ENDPOINT}`,
        { agent, headers: { accept: "application/json" } },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (d) => (body += d));
          response.on("end", () => {
            polls.latencies.push(Date.now() - t0);
            try {
              if (response.statusCode !== 200) throw new Error(String(response.statusCode));
              for (const u of JSON.parse(body).updates)
                if (!seenAt[i].has(u.id)) seenAt[i].set(u.id, Date.now());
            } catch {
              polls.failed += 1;
            }
            resolve();
          });
        },
      );
      request.on("error", () => {
        polls.failed += 1;
        resolve();
      });
    });
  const pollers = Array.from({ length: POLLERS }, async (_, i) => {
    await sleep((i / POLLERS) * POLL_S * 1000);
    // Known at the start: what the page held when it was opened.
    await ask(i);
    for (const id of seenAt[i].keys()) seenAt[i].set(id, 0);
    while (Date.now() < until) {
      await sleep(POLL_S * 1000);
      await ask(i);
    }
  });

  const load = await autocannon({
    url: base,
    connections: READERS,
    duration: SECONDS,
    headers: { "accept-encoding": "gzip, br" },
    requests: paths.map((p) => ({ path: p })),
  });
  clearInterval(writer);
  const cpu = treeCpuSeconds(server.pid) - cpuBefore;
  const elapsed = (Date.now() - startedAt) / 1000;
  clearInterval(sampler);
  // A last poll period, so updates saved near the end reach every poller.
  await Promise.all(pollers);
  await probe;

  const delays = [];
  const served = [];
  let missed = 0;
  for (const [id, at] of saved) {
    if (servedAt.has(id)) served.push(servedAt.get(id) - at);
    for (const seen of seenAt) {
      const t = seen.get(id);
      if (t === undefined) missed += 1;
      else delays.push(t - at);
    }
  }
  const lines = readFileSync(accessLog, "utf8").split("\n").filter(Boolean);
  const toOrigin = lines.filter((l) => l.split(" ")[1] !== "-");
  const pollsToOrigin = toOrigin
    .filter((l) => l.endsWith(ENDPOINT))
    .map((l) => Number(l.split(" ")[0]) * 1000)
    .sort((a, b) => a - b)
    .filter((t) => t >= startedAt && t <= startedAt + elapsed * 1000);
  const gaps = pollsToOrigin.slice(1).map((t, i) => t - (pollsToOrigin[i] ?? t));
  Object.assign(results, {
    size: SIZE,
    pollers: POLLERS,
    pollSeconds: POLL_S,
    seconds: Math.round(elapsed),
    polls: {
      sent: polls.sent,
      failed: polls.failed,
      p99ms: percentile(polls.latencies, 0.99),
      reachedOrigin: pollsToOrigin.length,
      cacheLifetimes: Math.ceil(elapsed / CACHE_S),
      shortestGapMs: gaps.length ? Math.min(...gaps) : undefined,
    },
    updates: {
      saved: saved.size,
      savedToNginxMs: {
        p50: percentile(served, 0.5),
        p99: percentile(served, 0.99),
        max: Math.max(...served),
      },
      savedToReaderMs: {
        p50: percentile(delays, 0.5),
        p99: percentile(delays, 0.99),
        max: Math.max(...delays),
      },
      missed,
    },
    readers: {
      rps: Math.round(load.requests.average),
      p99ms: load.latency.p99,
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
    },
    origin: {
      requests: toOrigin.filter((l) => {
        const t = Number(l.split(" ")[0]) * 1000;
        return t >= startedAt && t <= startedAt + elapsed * 1000;
      }).length,
      cpuPercentOfOneCore: Math.round((cpu / elapsed) * 100),
      rssMiB: { start: Math.round(memory[0] ?? 0), max: Math.round(Math.max(...memory)) },
    },
  });
  results.origin.rps = Math.round((results.origin.requests / elapsed) * 10) / 10;
  console.log(JSON.stringify(results, null, 2));
} finally {
  await stop(nginx);
  await stop(server);
  if (!prebuilt) rmSync(dir, { recursive: true, force: true });
  else rmSync(path.join(dir, "world", LIVE), { recursive: true, force: true });
}

mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/pollers.json",
  JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
);

function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
