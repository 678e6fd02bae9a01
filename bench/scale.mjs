#!/usr/bin/env node
/**
 * `npm run bench:scale`: for each size (SCALE_SIZES, default 1000,10000,100000) generates synthetic
 * articles, builds with /usr/bin/time (build seconds, peak memory), serves, and from the server's
 * first answer loads a mix (an archive article, a section, home, the feed) for SCALE_SECONDS (180)
 * in back-to-back 5 s windows: each window's p99, req/s and 5xx, the time until /health says ready,
 * the worst window after it, and the server's peak memory (issue 26). Then, after ready, the p99 of
 * each page type alone, as before. Loopback only. Writes bench/results/scale.json (and with
 * SCALE_SERVER_LOG, the server's own output).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generate } from "./generate.mjs";
import { run, SHIPPED_NODE_FLAGS, startNext, stop } from "./lib.mjs";
import { firstAnswer, loadInWindows, summarize, watchReady } from "./windows.mjs";

const SIZES = (process.env.SCALE_SIZES || "1000,10000,100000").split(",").map(Number);
/** How long the windowed load runs from the server's first answer (issue 26: 3 minutes). */
const SECONDS = Number(process.env.SCALE_SECONDS || 180);
/** Node's flags for the server: the shipped start command's (docs/DEPLOY.md), unless set here. */
const NODE_FLAGS = process.env.SCALE_NODE_FLAGS?.split(" ").filter(Boolean) ?? SHIPPED_NODE_FLAGS;
const PORT = 3300;
const results = [];

/**
 * Sizes already generated and built, to measure the server again without a build:
 * SCALE_PREBUILT="100000=/path/to/content:.next-dist" (build figures are then not measured).
 */
const PREBUILT = new Map(
  (process.env.SCALE_PREBUILT ?? "")
    .split(",")
    .filter(Boolean)
    .map((entry) => {
      const [size, where = ""] = entry.split("=");
      const [contentDir, distDir] = where.split(":");
      return [Number(size), { contentDir, distDir }];
    }),
);

for (const size of SIZES) {
  const prebuilt = PREBUILT.get(size);
  const dir = prebuilt?.contentDir ?? mkdtempSync(path.join(os.tmpdir(), `dispatch-scale-${size}-`));
  if (!prebuilt) {
    console.log(`scale: generating ${size} articles…`);
    await generate(size, dir);
  }
  const env = {
    ...process.env,
    CONTENT_DIR: dir,
    NEXT_DIST_DIR: prebuilt?.distDir ?? ".next-scale",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: `http://127.0.0.1:${PORT}`,
  };
  let buildSeconds = NaN;
  let buildPeakMiB = NaN;
  if (!prebuilt) {
    console.log(`scale: building ${size}…`);
    const t0 = Date.now();
    const timing = await run(
      "/usr/bin/time",
      ["-f", "MAXRSS_KB=%M", "node", "node_modules/next/dist/bin/next", "build"],
      {
        env,
        heartbeat: `scale: build ${size}`,
      },
    );
    buildSeconds = (Date.now() - t0) / 1000;
    buildPeakMiB = Math.round(Number(/MAXRSS_KB=(\d+)/.exec(timing)?.[1] ?? 0) / 1024);
  }

  const base = `http://127.0.0.1:${PORT}`;
  const started = Date.now();
  const server = startNext(PORT, { env, nodeFlags: NODE_FLAGS });
  // From the first answer of any kind (a "starting" 503 included), in back-to-back 5 s windows.
  const answeredAt = await firstAnswer(base);
  const ready = watchReady(base);
  const archive = Math.max(0, size - 3); // the oldest stories are not prerendered
  const pages = {
    archiveArticle: `/${["world", "asia", "business", "tech", "sport"][archive % 5]}/story-${archive}`,
    section: "/world",
    home: "/",
    feed: "/feed.xml",
  };
  console.log(
    `scale: ${size} answered after ${answeredAt - started} ms; loading for ${SECONDS} s in 5 s windows…`,
  );
  const { windows, peakRssMiB } = await loadInWindows({
    base,
    paths: Object.values(pages),
    pid: server.pid,
    seconds: SECONDS,
    log: (w) => console.log(`scale: ${size} window ${JSON.stringify(w)}`),
  });
  await ready.stop();
  const readyAt = ready.readyAt();
  const readyS = readyAt === undefined ? undefined : (readyAt - answeredAt) / 1000;
  const afterReady = windows.filter((w) => readyS !== undefined && w.at >= readyS);
  const beforeReady = windows.filter((w) => !afterReady.includes(w));
  const summary = summarize(afterReady);
  // The per-page figures, after ready, as before.
  const p99 = {};
  for (const [name, page] of Object.entries(pages)) {
    await autocannon({ url: `${base}${page}`, connections: 10, duration: 2 });
    const r = await autocannon({ url: `${base}${page}`, connections: 20, duration: 5 });
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
  const serverPeakMiB = Math.max(
    peakRssMiB,
    Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024),
  );
  await stop(server);
  // SCALE_SERVER_LOG=/tmp/x keeps the server's whole output (/tmp/x.100000), for a run with
  // SCALE_NODE_FLAGS="... --trace-gc" to set the collector's pauses against the windows.
  if (process.env.SCALE_SERVER_LOG) writeFileSync(`${process.env.SCALE_SERVER_LOG}.${size}`, server.log());
  // The server's own account of its start-up: the content read, the search index's first build.
  for (const line of server.log().split("\n"))
    if (/^(content|search|start-up):/.test(line)) console.log(`scale: ${size} server says ${line}`);
  if (!prebuilt) rmSync(dir, { recursive: true, force: true });
  const row = {
    size,
    buildSeconds,
    buildPeakMiB,
    serverPeakMiB,
    answeredAfterMs: answeredAt - started,
    readyAfterS: readyS,
    readyStatuses: ready.statuses(),
    steadyRps: summary.steadyRps,
    worstP99AfterReady: summary.worstP99,
    lowestRpsAfterReady: summary.lowestRps,
    fiveHundredsBeforeReady: beforeReady.reduce((n, w) => n + w.status5xx, 0),
    startingAnswersBeforeReady: beforeReady.reduce((n, w) => n + w.starting, 0),
    fiveHundredsAfterReady: afterReady.reduce((n, w) => n + w.status5xx, 0),
    windows,
    p99,
    sitemap,
  };
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
console.log(
  "\n| articles | first answer s | ready s | 503 starting / other 5xx before ready | 5xx after ready | steady req/s | worst p99 after ready (at s) | lowest req/s after ready (at s) | peak RSS MiB |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results) {
  const w = r.worstP99AfterReady;
  const l = r.lowestRpsAfterReady;
  console.log(
    `| ${r.size} | ${(r.answeredAfterMs / 1000).toFixed(1)} | ${r.readyAfterS?.toFixed(1) ?? "never"} | ${r.startingAnswersBeforeReady} / ${r.fiveHundredsBeforeReady - r.startingAnswersBeforeReady} | ${r.fiveHundredsAfterReady} | ${r.steadyRps} | ${w ? `${w.p99} (${w.at})` : "-"} | ${l ? `${l.rps} (${l.at})` : "-"} | ${r.serverPeakMiB} |`,
  );
}
for (const r of results) {
  console.log(`\n${r.size} stories, windows from the first answer (s: p99 ms / req/s / 5xx):`);
  console.log(r.windows.map((w) => `${w.at}: ${w.p99}/${w.rps}/${w.status5xx}`).join(" · "));
}
