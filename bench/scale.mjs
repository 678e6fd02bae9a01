#!/usr/bin/env node
/**
 * `npm run bench:scale`: for each size (SCALE_SIZES, default 1000,10000,100000) generates synthetic
 * articles, builds with /usr/bin/time (build seconds, peak memory), serves, and measures p99 of an
 * archive article, a section, home and the feed, and the server's peak memory. Loopback only.
 * Writes bench/results/scale.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generate } from "./generate.mjs";
import { run, start, stop, waitFor } from "./lib.mjs";

const SIZES = (process.env.SCALE_SIZES || "1000,10000,100000").split(",").map(Number);
const PORT = 3300;
const results = [];

for (const size of SIZES) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dispatch-scale-${size}-`));
  console.log(`scale: generating ${size} articles…`);
  await generate(size, dir);
  const env = {
    ...process.env,
    CONTENT_DIR: dir,
    NEXT_DIST_DIR: ".next-scale",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: `http://127.0.0.1:${PORT}`,
  };
  console.log(`scale: building ${size}…`);
  const t0 = Date.now();
  const timing = await run(
    "/usr/bin/time",
    ["-f", "MAXRSS_KB=%M", "node", "node_modules/next/dist/bin/next", "build"],
    { env, heartbeat: `scale: build ${size}` },
  );
  const buildSeconds = (Date.now() - t0) / 1000;
  const buildPeakMiB = Math.round(Number(/MAXRSS_KB=(\d+)/.exec(timing)?.[1] ?? 0) / 1024);

  const server = start(
    "node",
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)],
    { env },
  );
  await waitFor(`http://127.0.0.1:${PORT}/`, 120_000);
  const archive = Math.max(0, size - 3); // the oldest stories are not prerendered
  const pages = {
    archiveArticle: `/${["world", "asia", "business", "tech", "sport"][archive % 5]}/story-${archive}`,
    section: "/world",
    home: "/",
    feed: "/feed.xml",
  };
  const p99 = {};
  for (const [name, page] of Object.entries(pages)) {
    await autocannon({ url: `http://127.0.0.1:${PORT}${page}`, connections: 10, duration: 2 });
    const r = await autocannon({ url: `http://127.0.0.1:${PORT}${page}`, connections: 20, duration: 5 });
    p99[name] = { p99: r.latency.p99, rps: Math.round(r.requests.average), non2xx: r.non2xx };
  }
  // Every URL in the sitemap, across the index's files, each within the protocol's 50,000.
  const root = await (await fetch(`http://127.0.0.1:${PORT}/sitemap.xml`)).text();
  const files = root.includes("<sitemapindex")
    ? [...root.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname)
    : ["/sitemap.xml"];
  const perFile = [];
  for (const file of files) {
    const xml = await (await fetch(`http://127.0.0.1:${PORT}${file}`)).text();
    perFile.push((xml.match(/<url>/g) ?? []).length);
  }
  const sitemap = {
    files: files.length,
    urls: perFile.reduce((a, b) => a + b, 0),
    largestFile: Math.max(...perFile),
  };
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const serverPeakMiB = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
  const row = { size, buildSeconds, buildPeakMiB, serverPeakMiB, p99, sitemap };
  results.push(row);
  console.log(JSON.stringify(row));
}

mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/scale.json",
  JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
);
console.log(
  "\n| articles | build s | build peak MiB | server peak MiB | archive article p99 ms | section p99 | home p99 | feed p99 | sitemap files / URLs |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results) {
  console.log(
    `| ${r.size} | ${r.buildSeconds.toFixed(0)} | ${r.buildPeakMiB} | ${r.serverPeakMiB} | ${r.p99.archiveArticle.p99} | ${r.p99.section.p99} | ${r.p99.home.p99} | ${r.p99.feed.p99} | ${r.sitemap.files} / ${r.sitemap.urls} |`,
  );
}
