#!/usr/bin/env node
/**
 * `npm run bench:publish`: how long a published story takes to reach readers, with no rebuild.
 *
 * For each size (PUBLISH_SIZES, default 1000,100000): generates synthetic stories, builds once, serves
 * with `next start` behind the shipped deploy/nginx.conf, then
 *   1. publishes PUBLISH_COUNT (default 20) new stories one by one, each written to a temporary file
 *      and renamed into place as editors' tools do, and times until the story is on its article page,
 *      home, its section, FAST and the feed: through the origin and through the proxy (p50/p99);
 *   2. (first size only) corrects one story every second for 60 s while 50 connections read, and
 *      checks that no reader ever gets a half-written story (each version's text begins and ends with
 *      the same version number), that nothing fails, and how the server's memory moves.
 * Loopback only. Writes bench/results/publish.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generate } from "./generate.mjs";
import { nginxProxy, run, saveByRename, startNext, stop, treeRssMiB, waitFor } from "./lib.mjs";

const SIZES = (process.env.PUBLISH_SIZES || "1000,100000").split(",").map(Number);
const COUNT = Number(process.env.PUBLISH_COUNT || 20);
const LOAD_SECONDS = Number(process.env.PUBLISH_LOAD_SECONDS || 60);
const PORT = 3400;
const PROXY_PORT = 8490;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function story(slug, { title, published, body }) {
  return `---\ntitle: "${title}"\nstandfirst: "A story published by the publishing benchmark."\nsection: world\ntopics: ["Bench"]\npublished: "${published}"\nsource: Dispatch bench\nhero:\n  src: images/hero.jpg\n  alt: Synthetic test image\n  caption: Synthetic caption.\n  credit: Test\nsummary:\n  - "First point of ${slug}."\n  - "Second point."\n  - "Third point."\n---\n\n${body}\n`;
}

const nowIso = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(".000Z", "+00:00");

async function has(base, page, needle) {
  try {
    const r = await fetch(`${base}${page}`);
    return r.status === 200 && (needle === null || (await r.text()).includes(needle));
  } catch {
    return false;
  }
}

/** Milliseconds from `t0` until every output shows the story, polled every 25 ms (cap 60 s). */
async function visibleAfter(base, slug, t0) {
  const checks = [
    [`/world/${slug}`, null],
    ["/", slug],
    ["/world", slug],
    ["/fast", slug],
    ["/feed.xml", slug],
  ];
  const pending = new Set(checks.map((_, i) => i));
  while (pending.size > 0) {
    if (Date.now() - t0 > 60_000) return Number.NaN;
    for (const i of [...pending]) {
      const [page, needle] = checks[i];
      if (await has(base, page, needle)) pending.delete(i);
    }
    if (pending.size > 0) await sleep(25);
  }
  return Date.now() - t0;
}

const pct = (values, p) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : Number.NaN;
};

async function underLoad(dir) {
  const slug = "bench-corrected";
  const version = (n) =>
    story(slug, {
      title: "A story corrected every second",
      published: "2026-11-28T11:00:00+08:00",
      body: `BEGIN-${n}\n\n${"Text of the story. ".repeat(400)}\n\nEND-${n}`,
    });
  saveByRename(dir, `world/${slug}.md`, version(0));
  await waitFor(`${ORIGIN}/world/${slug}`);
  await sleep(1500);

  const server = globalThis.benchServer;
  const memory = [treeRssMiB(server.pid)];
  let torn = 0;
  let reads = 0;
  let stopChecking = false;
  const checker = (async () => {
    while (!stopChecking) {
      const html = await (await fetch(`${ORIGIN}/world/${slug}`)).text();
      const begin = /BEGIN-(\d+)/.exec(html)?.[1];
      const end = /END-(\d+)/.exec(html)?.[1];
      reads += 1;
      if (!begin || begin !== end) torn += 1;
      await sleep(50);
    }
  })();
  let n = 0;
  const writer = setInterval(() => {
    n += 1;
    saveByRename(dir, `world/${slug}.md`, version(n));
  }, 1000);
  const sampler = setInterval(() => memory.push(treeRssMiB(server.pid)), 5000);
  const load = await autocannon({
    url: ORIGIN,
    connections: 50,
    duration: LOAD_SECONDS,
    headers: { "accept-encoding": "gzip, br" },
    requests: [
      { path: "/" },
      { path: "/world" },
      { path: `/world/${slug}` },
      { path: "/fast" },
      { path: "/feed.xml" },
      { path: "/tech/story-3" },
    ],
  });
  clearInterval(writer);
  clearInterval(sampler);
  stopChecking = true;
  await checker;
  memory.push(treeRssMiB(server.pid));
  return {
    seconds: LOAD_SECONDS,
    corrections: n,
    requests: load.requests.total,
    rps: Math.round(load.requests.average),
    errors: load.errors,
    timeouts: load.timeouts,
    non2xx: load.non2xx,
    p99: load.latency.p99,
    checkedReads: reads,
    tornReads: torn,
    memoryMiB: { start: memory[0], max: Math.max(...memory), end: memory.at(-1) },
  };
}

const results = [];
for (const [i, size] of SIZES.entries()) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dispatch-publish-${size}-`));
  console.log(`publish: generating ${size} stories…`);
  await generate(size, dir);
  const env = {
    ...process.env,
    CONTENT_DIR: dir,
    NEXT_DIST_DIR: ".next-publish",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: ORIGIN,
    PRERENDER_RECENT: "200",
    DATA_DIR: path.join(dir, "..", `dispatch-publish-data-${size}`),
  };
  console.log(`publish: building ${size}…`);
  await run("node", ["node_modules/next/dist/bin/next", "build"], { env, heartbeat: "publish: build" });
  const server = startNext(PORT, { env });
  globalThis.benchServer = server;
  const proxyDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-publish-nginx-"));
  const proxy = nginxProxy({ dir: proxyDir, listenPort: PROXY_PORT, upstreamPort: PORT });
  try {
    await waitFor(`${ORIGIN}/`, 180_000);
    await waitFor(`${PROXY}/`, 10_000);
    // Warm both, as a site in use would be.
    for (const page of ["/", "/world", "/fast", "/feed.xml"])
      for (const base of [ORIGIN, PROXY]) await fetch(`${base}${page}`);

    const origin = [];
    const proxied = [];
    for (let k = 0; k < COUNT; k += 1) {
      const slug = `bench-published-${k}`;
      const t0 = Date.now();
      saveByRename(
        dir,
        `world/${slug}.md`,
        story(slug, { title: `Published story ${k}`, published: nowIso(), body: "Text." }),
      );
      const [o, p] = await Promise.all([visibleAfter(ORIGIN, slug, t0), visibleAfter(PROXY, slug, t0)]);
      origin.push(o);
      proxied.push(p);
      console.log(`publish: ${size} stories, #${k + 1}: origin ${o} ms, proxy ${p} ms`);
      await sleep(1000 + Math.random() * 2000);
    }
    const row = {
      size,
      publishes: COUNT,
      originMs: { p50: pct(origin, 50), p99: pct(origin, 99), max: Math.max(...origin) },
      proxyMs: { p50: pct(proxied, 50), p99: pct(proxied, 99), max: Math.max(...proxied) },
      load: i === 0 ? await underLoad(dir) : undefined,
    };
    results.push(row);
    console.log(JSON.stringify(row));
  } finally {
    await stop(proxy);
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
    rmSync(proxyDir, { recursive: true, force: true });
  }
}

mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/publish.json",
  JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
);
console.log("\n| stories | publishes | origin p50 / p99 / max ms | proxy p50 / p99 / max ms |");
console.log("| ---: | ---: | ---: | ---: |");
for (const r of results) {
  console.log(
    `| ${r.size} | ${r.publishes} | ${r.originMs.p50} / ${r.originMs.p99} / ${r.originMs.max} | ${r.proxyMs.p50} / ${r.proxyMs.p99} / ${r.proxyMs.max} |`,
  );
}
for (const r of results.filter((x) => x.load))
  console.log(`\nunder load (${r.size} stories): ${JSON.stringify(r.load)}`);
