#!/usr/bin/env node
/**
 * `npm run bench:search`: search at scale. Generates SEARCH_SIZE (default 100,000) synthetic stories
 * with a varied vocabulary (bench/generate.mjs), builds, starts `next start`, waits for the search
 * index (the server logs its build time), then loads /search with 20 connections:
 *   - "distinct": every request a query not asked before (rare, mid, common and everywhere words,
 *     with sort, section and page variants), so the server's page cache never helps;
 *   - "popular": 100 queries asked again and again, as when a story is in the news, against
 *     `next start` and then through deploy/nginx.conf (which keeps each search 10 s);
 *   - the floor: the bare baseline app's page rendered per request (bench/baseline/app/results),
 *     and the same with Partial Prerendering (bench/ppr), with the same distinct query strings.
 * Records p50/p99, req/s, the index's build time and file size and the server's peak memory in
 * bench/results/search.json. Loopback only.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generate, VARIED_WORDS } from "./generate.mjs";
import { nginxProxy, run, startBareApp, startNext, stop, waitFor } from "./lib.mjs";

const SIZE = Number(process.env.SEARCH_SIZE || 100_000);
const DURATION = Number(process.env.SEARCH_DURATION || 20);
const PORT = 3400;
const PROXY_PORT = 3401;
const BASELINE_PORT = 3402;
const EVERYWHERE = ["minister", "energy transport", "officials confirmed", "markets"];

/**
 * About 20,000 different searches, interleaved: a mid-frequency word alone; a common word and a mid
 * one; an everywhere word and a mid one; and broad words alone on their first five pages. Each with a
 * sort, section or page variant.
 */
function distinctQueries() {
  const variants = ["", "&sort=newest", "&section=asia", "&page=2", "&section=world&sort=newest"];
  const q = (words) => `/search?q=${encodeURIComponent(words)}`;
  const out = [];
  for (let i = 0; i < 4950; i++) {
    const mid = VARIED_WORDS[50 + i];
    out.push(`${q(mid)}${variants[i % 5]}`);
    out.push(`${q(`${VARIED_WORDS[i % 50]} ${mid}`)}${variants[(i + 1) % 5]}`);
    out.push(`${q(`${EVERYWHERE[i % EVERYWHERE.length]} ${mid}`)}${variants[(i + 2) % 5]}`);
    if (i < 54 * 5) {
      const broad = [...VARIED_WORDS.slice(0, 50), ...EVERYWHERE][i % 54];
      out.push(`${q(broad)}&page=${1 + Math.floor(i / 54)}`);
    }
  }
  return out;
}

const popular = [
  ...EVERYWHERE.map((q) => `/search?q=${encodeURIComponent(q)}`),
  ...VARIED_WORDS.slice(0, 96).map((w) => `/search?q=${w}`),
];

async function load(urls, port = PORT) {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 20,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: urls[i++ % urls.length] }),
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), `dispatch-bench-search-${SIZE}-`));
console.log(`search: generating ${SIZE} articles…`);
await generate(SIZE, dir, { varied: true });
const env = {
  ...process.env,
  CONTENT_DIR: dir,
  NEXT_DIST_DIR: ".next-search",
  NEXT_TELEMETRY_DISABLED: "1",
  SITE_URL: `http://127.0.0.1:${PORT}`,
};
// SEARCH_REUSE_BUILD=1 serves the last build of the same (deterministic) corpus: search reads the
// live content, so only the prerendered pages would differ, and a 100k build takes minutes.
if (process.env.SEARCH_REUSE_BUILD !== "1") {
  console.log("search: building…");
  await run("node", ["node_modules/next/dist/bin/next", "build"], { env, heartbeat: "search: build" });
}
const server = startNext(PORT, { env });
await waitFor(`http://127.0.0.1:${PORT}/`, 180_000);
const until = Date.now() + 600_000;
while (!/search: \d+ articles indexed in (\d+) ms/.test(server.log()) && Date.now() < until)
  await new Promise((r) => setTimeout(r, 500));
const indexMs = Number(/search: \d+ articles indexed in (\d+) ms/.exec(server.log())?.[1]);
const serverPid = Number(
  readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/)[0] ||
    server.pid,
);
const indexBytes = readdirSync(os.tmpdir())
  .filter((n) => n.startsWith("dispatch-search-index-"))
  .map((n) => path.join(os.tmpdir(), n))
  .filter((d) => [server.pid, serverPid].map(String).includes(readFileSync(path.join(d, "pid"), "utf8")))
  .reduce((sum, d) => sum + statSync(path.join(d, "index.sqlite")).size, 0);

const urls = distinctQueries();
// Warm the code paths (not the queries: the distinct run starts past these).
await autocannon({ url: `http://127.0.0.1:${PORT}/search?q=warm`, connections: 5, duration: 3 });
const distinct = await load(urls);
if (distinct.requests > urls.length)
  console.warn(`search: ${distinct.requests} requests but ${urls.length} distinct URLs: some repeated`);
const repeated = await load(popular);
// What readers meet in the shipped deployment: deploy/nginx.conf keeps each search 10 s.
const proxyDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-bench-search-proxy-"));
const proxy = nginxProxy({ dir: proxyDir, listenPort: PROXY_PORT, upstreamPort: PORT });
await waitFor(`http://127.0.0.1:${PROXY_PORT}/search`);
const proxied = await load(popular, PROXY_PORT);
await stop(proxy);
rmSync(proxyDir, { recursive: true, force: true });
const status = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
};
const peakMiB = Math.round(
  Math.max(...[server.pid, serverPid].map((p) => Number(/VmHWM:\s+(\d+)/.exec(status(p))?.[1] ?? 0))) / 1024,
);
await stop(server);
rmSync(dir, { recursive: true, force: true });

// The floor: the bare App Router layout with a page rendered per request, no data access at all,
// under the same load (bench/baseline/app/results); and the same page with Partial Prerendering
// (bench/ppr: a static shell, only the list rendered per request). No search page can answer faster.
async function floor(app, port) {
  console.log(`search: building and serving the bare page (${app})…`);
  const child = await startBareApp(app, port);
  await autocannon({ url: `http://127.0.0.1:${port}/results?q=warm`, connections: 5, duration: 3 });
  const result = await load(
    urls.map((u) => u.replace("/search?", "/results?")),
    port,
  );
  await stop(child);
  return result;
}
const bare = await floor("bench/baseline", BASELINE_PORT);
const barePpr = await floor("bench/ppr", BASELINE_PORT);

const row = {
  size: SIZE,
  indexMs,
  indexMiB: Math.round(indexBytes / 2 ** 20),
  serverPeakMiB: peakMiB,
  distinct,
  repeated,
  proxied,
  bare,
  barePpr,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/search.json",
  JSON.stringify({ date: new Date().toISOString(), ...row }, null, 2),
);
console.log(JSON.stringify(row, null, 2));
console.log("\n| stories | index build s | index MiB | load | req/s | p50 ms | p99 ms | non-2xx |");
console.log("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
for (const [name, r] of [
  ["distinct queries", distinct],
  ["100 popular queries", repeated],
  ["100 popular queries, through deploy/nginx.conf", proxied],
  ["bare dynamic App Router page (bench/baseline), distinct queries", bare],
  ["the same with Partial Prerendering (bench/ppr), distinct queries", barePpr],
])
  console.log(
    `| ${SIZE} | ${(indexMs / 1000).toFixed(1)} | ${row.indexMiB} | ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} |`,
  );
