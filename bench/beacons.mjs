#!/usr/bin/env node
/**
 * `npm run bench:beacons` (issue 23): Most read's beacons against one `next start`, on SQLite and on
 * PostgreSQL (BEACONS_BACKENDS, default "sqlite,postgres"; PostgreSQL needs TEST_DATABASE_URL, which
 * `bash test/with-postgres.sh npm run bench:beacons` provides).
 *
 * Per backend: the page mix (home, a section, the feed and 50 stories; 10 connections) alone for
 * MIX_SECONDS (20), then BEACONS_RATE beacons a second (1000) for BEACONS_SECONDS (60) with the same
 * page mix beside them. Beacons come from BEACONS_ADDRESSES client addresses (50,000, as
 * X-Forwarded-For from a trusted proxy) for random stories; 2 % carry a crawler's user agent and 5 %
 * come from one flooding address. Reports the beacons by answer (202 counted, 204 repeat or bot, 429
 * refused past the per-address limit), the reads the database holds afterwards against the 202s, the
 * page mix's req/s and p99 with and without beacons, and the server's RSS through the run.
 *
 * BEACONS_SIZE stories (1000) are generated and built unless BEACONS_CONTENT_DIR and BEACONS_DIST_DIR
 * name a folder and its build. Writes bench/results/beacons.json.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { SECTIONS, generate } from "./generate.mjs";
import { run, SHIPPED_NODE_FLAGS, startNext, stop, treeRssMiB } from "./lib.mjs";
import { firstAnswer, watchReady } from "./windows.mjs";

const SIZE = Number(process.env.BEACONS_SIZE || 1000);
const RATE = Number(process.env.BEACONS_RATE || 1000);
const SECONDS = Number(process.env.BEACONS_SECONDS || 60);
const MIX_SECONDS = Number(process.env.MIX_SECONDS || 20);
const ADDRESSES = Number(process.env.BEACONS_ADDRESSES || 50_000);
const BACKENDS = (process.env.BEACONS_BACKENDS || "sqlite,postgres").split(",");
const PORT = 3430;
const READER =
  "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36";
const CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let dir = process.env.BEACONS_CONTENT_DIR;
const prebuilt = Boolean(dir);
const distDir = process.env.BEACONS_DIST_DIR || ".next-beacons";
if (!dir) {
  dir = mkdtempSync(path.join(os.tmpdir(), `dispatch-beacons-${SIZE}-`));
  console.log(`beacons: generating ${SIZE} stories…`);
  await generate(SIZE, dir);
}
const baseEnv = {
  ...process.env,
  NODE_ENV: "production",
  CONTENT_DIR: dir,
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: "1",
  SITE_URL: `http://127.0.0.1:${PORT}`,
  // The beacons come "through a proxy": their X-Forwarded-For names the reader.
  TRUSTED_PROXIES: "1",
};
if (!prebuilt) {
  console.log(`beacons: building ${SIZE}…`);
  await run("node", ["node_modules/next/dist/bin/next", "build"], {
    env: baseEnv,
    heartbeat: "beacons: build",
  });
}

const storyPath = (i) => `/${SECTIONS[i % SECTIONS.length]}/story-${i}`;
const pages = [
  "/",
  "/world",
  "/feed.xml",
  ...Array.from({ length: 50 }, (_, k) => storyPath((k * 37) % SIZE)),
];

function mix(base, seconds) {
  return autocannon({
    url: base,
    connections: 10,
    duration: seconds,
    requests: pages.map((p) => ({ path: p })),
  });
}

function beacons(base, seconds) {
  let n = 0;
  // A fixed number at a fixed rate, every one answered before the run ends: the 202s can then be
  // compared with the database exactly (a run cut off by time leaves requests in flight uncounted).
  return autocannon({
    url: base,
    connections: 50,
    amount: RATE * seconds,
    overallRate: RATE,
    requests: [
      {
        method: "POST",
        path: "/api/read",
        setupRequest: (req) => {
          n += 1;
          const flood = n % 20 === 0;
          const crawler = n % 50 === 1;
          const address = flood
            ? "203.0.113.7"
            : `10.${((n * 7919) % ADDRESSES) >> 16}.${(((n * 7919) % ADDRESSES) >> 8) & 255}.${((n * 7919) % ADDRESSES) & 255}`;
          const story = flood ? 1 : Math.floor(Math.random() * SIZE);
          return {
            ...req,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "user-agent": crawler ? CRAWLER : READER,
              "x-forwarded-for": address,
            },
            body: `story=story-${story}`,
          };
        },
      },
    ],
  });
}

async function storedReads(backend, dataDir, url) {
  if (backend === "sqlite") {
    const db = new Database(path.join(dataDir, "dispatch.sqlite"), { readonly: true });
    try {
      return Number(db.prepare("select coalesce(sum(count), 0) as n from story_reads").get().n);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query("select coalesce(sum(count), 0) as n from story_reads")).rows[0].n);
  } finally {
    await client.end();
  }
}

const results = {};
for (const backend of BACKENDS) {
  if (backend === "postgres" && !process.env.TEST_DATABASE_URL) {
    console.log("beacons: postgres skipped (no TEST_DATABASE_URL: run through test/with-postgres.sh)");
    continue;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-beacons-data-"));
  let url;
  if (backend === "postgres") {
    const name = `beacons_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const env = { ...baseEnv, DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) };
  // As shipped (package.json's start, docs/DEPLOY.md): memory is judged under the heap limit it runs with.
  const server = startNext(PORT, { env, nodeFlags: SHIPPED_NODE_FLAGS });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await firstAnswer(base);
    const ready = watchReady(base);
    while (ready.readyAt() === undefined) await sleep(250);
    await ready.stop();
    for (const p of pages) await fetch(`${base}${p}`);
    await mix(base, 5);

    console.log(`beacons: ${backend}: page mix alone, ${MIX_SECONDS} s…`);
    const alone = await mix(base, MIX_SECONDS);
    console.log(`beacons: ${backend}: ${RATE} beacons/s for ${SECONDS} s beside the page mix…`);
    const rss = [];
    const sampler = setInterval(() => rss.push(treeRssMiB(server.pid)), 1000);
    const [b, beside] = await Promise.all([beacons(base, SECONDS), mix(base, SECONDS)]);
    clearInterval(sampler);
    // The server writes counted reads every 2 s.
    await sleep(5_000);
    const stored = await storedReads(backend, dataDir, url);
    const byStatus = Object.fromEntries(
      Object.entries(b.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
    );
    const tenth = Math.max(1, Math.floor(rss.length / 10));
    const row = {
      backend,
      beacons: b.requests.total,
      beaconsPerSecond: Math.round(b.requests.average),
      beaconP99: b.latency.p99,
      errors: b.errors + b.timeouts,
      non2xx: b.non2xx,
      byStatus,
      counted: byStatus["202"] ?? 0,
      stored,
      pagesAlone: {
        rps: Math.round(alone.requests.average),
        p99: alone.latency.p99,
        errors: alone.errors,
        non2xx: alone.non2xx,
      },
      pagesBeside: {
        rps: Math.round(beside.requests.average),
        p99: beside.latency.p99,
        errors: beside.errors,
        non2xx: beside.non2xx,
      },
      rssMiB: {
        firstTenth: Math.round(Math.max(...rss.slice(0, tenth))),
        lastTenth: Math.round(Math.max(...rss.slice(-tenth))),
        peak: Math.round(Math.max(...rss)),
      },
    };
    results[backend] = row;
    console.log(JSON.stringify(row));
  } finally {
    await stop(server);
  }
}

mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/beacons.json", `${JSON.stringify(results, null, 2)}\n`);
console.log(
  "\n| backend | beacons (per s) | 202 counted / stored | 204 | 429 | errors | beacon p99 ms | pages alone req/s, p99 | pages beside req/s, p99 | RSS MiB first / last tenth, peak |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of Object.values(results))
  console.log(
    `| ${r.backend} | ${r.beacons} (${r.beaconsPerSecond}) | ${r.counted} / ${r.stored} | ${r.byStatus["204"] ?? 0} | ${r.byStatus["429"] ?? 0} | ${r.errors} | ${r.beaconP99} | ${r.pagesAlone.rps}, ${r.pagesAlone.p99} | ${r.pagesBeside.rps}, ${r.pagesBeside.p99} | ${r.rssMiB.firstTenth} / ${r.rssMiB.lastTenth}, ${r.rssMiB.peak} |`,
  );
