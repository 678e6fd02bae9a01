#!/usr/bin/env node
/**
 * `npm run bench:listen` (issue 24): what narration costs the site, at LISTEN_SIZE (1000) stories.
 * One build; then, each on a fresh server (a fresh DATA_DIR, so "on" narrates the whole archive):
 *   1. publishing delay with NARRATION=off, then on (the archive's backfill running): PUBLISH_COUNT
 *      (10) stories, each saved by rename, timed until it is on its page, home, its section, FAST and
 *      the feed (as bench:publish), the ratio of the medians;
 *   2. the page mix (home, section, a story, FAST, feed) for LOAD_SECONDS (30) at 50 connections, and
 *      at a steady 100 requests a second (what a busy site serves; the backfill works only while the
 *      server is under half busy), off and on: requests a second, p99, narrations made meanwhile;
 *   3. (on) the backfill left alone for BACKFILL_SECONDS (900) or until it is done (nothing new made
 *      for IDLE_SECONDS, 120): narrations made against the archive's stories and summaries, wall time
 *      (to the last narration made), the server's peak memory with its job processes.
 * Loopback only. Writes bench/results/listen.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generate } from "./generate.mjs";
import { run, saveByRename, startNext, stop, treeRssMiB, waitFor } from "./lib.mjs";

const SIZE = Number(process.env.LISTEN_SIZE || 1000);
const COUNT = Number(process.env.PUBLISH_COUNT || 10);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS || 30);
const BACKFILL_SECONDS = Number(process.env.BACKFILL_SECONDS || 900);
const IDLE_SECONDS = Number(process.env.IDLE_SECONDS || 120);
const PORT = 3410;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const story = (slug, k) =>
  `---\ntitle: "Published story ${k}"\nstandfirst: "A story published by the narration benchmark."\nsection: world\ntopics: ["Bench"]\npublished: "${new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(".000Z", "+00:00")}"\nsource: Dispatch bench\nhero:\n  src: images/hero.jpg\n  alt: Synthetic test image\n  caption: Synthetic caption.\n  credit: Test\nsummary:\n  - "First point of ${slug}."\n  - "Second point."\n  - "Third point."\n---\n\nText of a story published while the archive is narrated.\n`;

async function shows(page, needle) {
  try {
    const r = await fetch(`${ORIGIN}${page}`);
    return r.status === 200 && (needle === null || (await r.text()).includes(needle));
  } catch {
    return false;
  }
}

/** Milliseconds until every output shows the story (polled every 25 ms, cap 60 s). */
async function visibleAfter(slug, t0) {
  const pending = new Set([`/world/${slug}`, "/", "/world", "/fast", "/feed.xml"]);
  while (pending.size > 0) {
    if (Date.now() - t0 > 60_000) return Number.NaN;
    for (const page of [...pending])
      if (await shows(page, page === `/world/${slug}` ? null : slug)) pending.delete(page);
    if (pending.size > 0) await sleep(25);
  }
  return Date.now() - t0;
}

const median = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

/** Narrations made so far (their sidecars: a sidecar means a whole file). */
const made = (dataDir) => {
  try {
    return readdirSync(path.join(dataDir, "narration")).filter((n) => n.endsWith(".mp3.json")).length;
  } catch {
    return 0;
  }
};

/** Stories in the archive and the summaries among them: what a complete backfill narrates. */
function expectedNarrations(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    count += /\nsummary:\n/.test(readFileSync(path.join(entry.parentPath ?? entry.path, entry.name), "utf8"))
      ? 2
      : 1;
  }
  return count;
}

async function mix(dataDir, { connections, overallRate }) {
  const before = made(dataDir);
  const r = await autocannon({
    url: ORIGIN,
    connections,
    ...(overallRate ? { overallRate } : {}),
    duration: LOAD_SECONDS,
    headers: { "accept-encoding": "gzip, br" },
    requests: [
      { path: "/" },
      { path: "/world" },
      { path: "/world/story-0" }, // story i is in section i % 5
      { path: "/fast" },
      { path: "/feed.xml" },
    ],
  });
  return {
    rps: Math.round(r.requests.average),
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    narrated: made(dataDir) - before,
  };
}

console.log(`listen: generating ${SIZE} stories…`);
const contentDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-listen-"));
await generate(SIZE, contentDir);
const baseEnv = {
  ...process.env,
  CONTENT_DIR: contentDir,
  NEXT_DIST_DIR: ".next-listen",
  NEXT_TELEMETRY_DISABLED: "1",
  SITE_URL: ORIGIN,
  PRERENDER_RECENT: "200",
};
console.log("listen: building…");
await run("node", ["node_modules/next/dist/bin/next", "build"], {
  env: { ...baseEnv, NARRATION: "off" },
  heartbeat: "listen: build",
});

const results = { size: SIZE, date: new Date().toISOString() };
try {
  for (const narration of ["off", "on"]) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `dispatch-listen-data-${narration}-`));
    const server = startNext(PORT, { env: { ...baseEnv, NARRATION: narration, DATA_DIR: dataDir } });
    const started = Date.now();
    const memory = [];
    const sampler = setInterval(() => memory.push(treeRssMiB(server.pid)), 2000);
    try {
      await waitFor(`${ORIGIN}/`, 180_000);
      for (const page of ["/", "/world", "/fast", "/feed.xml"]) await fetch(`${ORIGIN}${page}`);
      const delays = [];
      for (let k = 0; k < COUNT; k += 1) {
        const slug = `bench-listen-${narration}-${k}`;
        const t0 = Date.now();
        saveByRename(contentDir, `world/${slug}.md`, story(slug, k));
        delays.push(await visibleAfter(slug, t0));
        console.log(`listen: narration ${narration}, publish #${k + 1}: ${delays.at(-1)} ms`);
        await sleep(1000 + Math.random() * 1000);
      }
      const row = {
        publishMs: { median: median(delays), max: Math.max(...delays) },
        saturated: await mix(dataDir, { connections: 50 }),
        paced: await mix(dataDir, { connections: 20, overallRate: 100 }),
      };
      console.log(`listen: narration ${narration}: ${JSON.stringify(row)}`);
      if (narration === "on") {
        // Done when nothing new has been made for IDLE_SECONDS: the queue is empty (an idle server
        // starts the next job at once), so the count has stopped. Briefings are counted too.
        const expected = expectedNarrations(contentDir);
        const before = made(dataDir);
        const t0 = Date.now();
        let last = { count: before, at: t0 };
        while (Date.now() - t0 < BACKFILL_SECONDS * 1000 && Date.now() - last.at < IDLE_SECONDS * 1000) {
          await sleep(5000);
          const now = made(dataDir);
          if (now !== last.count) last = { count: now, at: Date.now() };
          console.log(
            `listen: backfill ${now} made of ${expected}, ${Math.round((Date.now() - t0) / 1000)} s`,
          );
        }
        const finished = last.at;
        const seconds = (finished - t0) / 1000;
        const count = made(dataDir) - before;
        row.backfill = {
          expected,
          complete: Date.now() - last.at >= IDLE_SECONDS * 1000,
          seconds: Math.round(seconds),
          made: count,
          totalMade: made(dataDir),
          perMinute: Math.round((count / seconds) * 60 * 10) / 10,
          sinceStartSeconds: Math.round((finished - started) / 1000),
        };
      }
      row.peakRssMiB = Math.round(Math.max(...memory));
      results[narration] = row;
    } finally {
      clearInterval(sampler);
      await stop(server);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(contentDir, { recursive: true, force: true });
}
results.publishRatio = Math.round((results.on.publishMs.median / results.off.publishMs.median) * 100) / 100;
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/listen.json", JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
