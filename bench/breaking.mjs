#!/usr/bin/env node
/**
 * `npm run bench:breaking`: the site on a breaking-news day (issue 22). For each size
 * (BREAKING_SIZES, default 1000): generates synthetic stories plus one live story with 30 updates,
 * builds once, and serves with `next start` (origin only, loopback). Then 50 connections read for
 * BREAKING_SECONDS (default 60) a mix of home, a section, the live page, its poll endpoint and 100
 * random stories, three times:
 *   a. no writes;
 *   b. a live update every 5 s and a correction (to a random story's text) every 2 s;
 *   c. as b, with CONTENT_REFRESH=everything: every change refreshes every page, as before ADR 0011.
 * The server is restarted fresh for each run. Writes bench/results/breaking.json. BREAKING_RUNS
 * picks runs (e.g. a,b); BREAKING_PROFILE=b has that run's server write a CPU profile (node
 * --cpu-prof) into /tmp/breaking-prof-b.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { SECTIONS, generate } from "./generate.mjs";
import { LIVE, correct, liveStory, update } from "./live-story.mjs";
import { run, startNext, stop, treeRssMiB, waitFor } from "./lib.mjs";

const SIZES = (process.env.BREAKING_SIZES || "1000").split(",").map(Number);
const SECONDS = Number(process.env.BREAKING_SECONDS || 60);
/** Which runs (a, b, c); all three unless set, e.g. BREAKING_RUNS=a,b. */
const RUNS = (process.env.BREAKING_RUNS || "a,b,c").split(",");
/** A run whose server writes a CPU profile (node --cpu-prof) into /tmp/breaking-prof-{run}, e.g. b. */
const PROFILE = process.env.BREAKING_PROFILE;
const PORT = 3410;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(env, dir, size, writes, profile) {
  const server = startNext(PORT, {
    env,
    nodeFlags: profile ? ["--cpu-prof", "--cpu-prof-dir", profile] : [],
  });
  try {
    await waitFor(`${ORIGIN}/`, 300_000);
    // Let the start-up refresh and the search index (built in the background, ~30 s at 100k) finish,
    // then warm the pages read.
    await sleep(Math.max(5_000, size / 2));
    const stories = Array.from({ length: 100 }, () => Math.floor(Math.random() * size));
    const sections = SECTIONS;
    const paths = [
      "/",
      "/world",
      `/world/${LIVE}`,
      `/world/${LIVE}/updates.json`,
      ...stories.map((i) => `/${sections[i % sections.length]}/story-${i}`),
    ];
    for (const p of paths) await fetch(`${ORIGIN}${p}`);
    const memory = [treeRssMiB(server.pid)];
    let updates = 0;
    let corrections = 0;
    const timers = writes
      ? [
          setInterval(() => update(dir, `w${updates++}`, Date.now() - 1000), 5_000),
          setInterval(() => {
            const i = Math.floor(Math.random() * size);
            correct(dir, `${sections[i % sections.length]}/story-${i}.md`, corrections++);
          }, 2_000),
        ]
      : [];
    const sampler = setInterval(() => memory.push(treeRssMiB(server.pid)), 5_000);
    const load = await autocannon({
      url: ORIGIN,
      connections: 50,
      duration: SECONDS,
      headers: { "accept-encoding": "gzip, br" },
      requests: paths.map((p) => ({ path: p })),
    });
    for (const t of timers) clearInterval(t);
    clearInterval(sampler);
    return {
      rps: Math.round(load.requests.average),
      requests: load.requests.total,
      p50: load.latency.p50,
      p99: load.latency.p99,
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
      updates,
      corrections,
      rssMiB: { start: memory[0], max: Math.max(...memory) },
    };
  } finally {
    await stop(server);
  }
}

const results = [];
for (const size of SIZES) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dispatch-breaking-${size}-`));
  console.log(`breaking: generating ${size} stories…`);
  await generate(size, dir);
  liveStory(dir);
  const env = {
    ...process.env,
    NODE_ENV: "production",
    CONTENT_DIR: dir,
    NEXT_DIST_DIR: ".next-breaking",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: ORIGIN,
    PRERENDER_RECENT: "200",
    DATA_DIR: path.join(dir, "..", `dispatch-breaking-data-${size}`),
  };
  console.log(`breaking: building ${size}…`);
  await run("node", ["node_modules/next/dist/bin/next", "build"], { env, heartbeat: "breaking: build" });
  try {
    const row = { size };
    for (const [mode, writes, refresh] of [
      ["a", false, "touched"],
      ["b", true, "touched"],
      ["c", true, "everything"],
    ]) {
      if (!RUNS.includes(mode)) continue;
      console.log(`breaking: ${size} stories, run ${mode}…`);
      const profile = PROFILE === mode ? `/tmp/breaking-prof-${mode}` : undefined;
      row[mode] = await measure({ ...env, CONTENT_REFRESH: refresh }, dir, size, writes, profile);
      console.log(`breaking: ${size} ${mode}: ${JSON.stringify(row[mode])}`);
    }
    results.push(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/breaking.json",
  JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
);
console.log("\n| stories | run | req/s | p50 ms | p99 ms | errors | non-2xx | updates | corrections |");
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const names = { a: "a. no writes", b: "b. writes, touched pages", c: "c. writes, every page (before)" };
for (const r of results) {
  for (const mode of ["a", "b", "c"]) {
    const x = r[mode];
    if (!x) continue;
    console.log(
      `| ${r.size} | ${names[mode]} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.errors} | ${x.non2xx} | ${x.updates} | ${x.corrections} |`,
    );
  }
  if (r.a && r.b)
    console.log(
      `\n${r.size}: b/a throughput ${(r.b.rps / r.a.rps).toFixed(2)}× (target ≥ 0.8), b/a p99 ${(r.b.p99 / r.a.p99).toFixed(2)}× (target ≤ 2)`,
    );
}
