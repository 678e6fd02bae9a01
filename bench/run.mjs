#!/usr/bin/env node
/**
 * `npm run bench`: builds the site, serves it three ways on loopback, and measures.
 *   next      `next start` alone
 *   proxy     the same behind deploy/nginx.conf (the shipped caching reverse proxy)
 *   static    nginx serving the very same prerendered HTML from disk: the physical limit here
 * and, as the yardstick for Next.js itself, a bare App Router page (bench/baseline: no fonts, no
 * images, no client components) built with the same Next.js and React, served by `next start`.
 * Then page weight (gzip) and Lighthouse (mobile, median of 3). Prints a table and writes
 * bench/results/latest.json. Targets live here and in docs/BENCHMARKS.md, never in tests.
 *
 * BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_LIGHTHOUSE=0 to skip it.
 */
import { execSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { systemChromium } from "../test/chromium.cjs";
import { median, nginxProxy, run, start, startBareApp, startNext, stop, waitFor } from "./lib.mjs";

const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
const NEXT_PORT = 3200;
const STATIC_PORT = 3201;
const PROXY_PORT = 3202;
const BASELINE_PORT = 3203;
const CHROMIUM = systemChromium() ?? chromium.executablePath();

const PAGES = {
  article: "/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels",
  home: "/",
  section: "/world",
  fast: "/fast",
  feed: "/feed.xml",
};

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: ".next-bench",
  CONTENT_DIR: ["content", "e2e/fixtures/content"].join(path.delimiter),
  SITE_URL: `http://127.0.0.1:${NEXT_PORT}`,
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "dispatch-bench-data-")),
};

const work = mkdtempSync(path.join(os.tmpdir(), "dispatch-bench-"));
chmodSync(work, 0o755);
// nginx's workers drop to an unprivileged user; when the bench runs as root they must stay root to
// read and write the temporary folders it made.
const NGINX_USER = process.getuid?.() === 0 ? "user root;\n" : "";
const children = [];

/** What Chromium sends: every target answers compressed, as it does for readers. */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };

async function load(url) {
  // Warm up (caches, JIT), then measure.
  await autocannon({ url, connections: 10, duration: 2, headers: BROWSER_HEADERS });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: BROWSER_HEADERS });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

function nginxStatic(docroot) {
  const conf = `${NGINX_USER}worker_processes auto; pid nginx.pid; error_log stderr warn; daemon off;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; server_tokens off; include /etc/nginx/mime.types;
  gzip_static on; gzip_vary on;
  server { listen 127.0.0.1:${STATIC_PORT}; root ${docroot};
    location = / { default_type text/html; try_files /index.html =404; }
    location / { default_type text/html; try_files $uri $uri.html =404; } } }`;
  const dir = path.join(work, "static");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  return start("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")]);
}

/** One GET with these headers: the body's size on the wire and its Content-Encoding. */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on("data", (c) => (bytes += c.length));
        res.on("end", () => resolve({ bytes, encoding: res.headers["content-encoding"] ?? "" }));
      })
      .on("error", reject);
  });
}

async function weight(base, page) {
  const html = await (await fetch(base + page)).text();
  const assets = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g),
  ].map((m) => m[1]);
  const sizes = { html: gzipSync(html).length, css: 0, js: 0 };
  for (const asset of new Set(assets)) {
    const body = Buffer.from(await (await fetch(new URL(asset, base))).arrayBuffer());
    sizes[asset.endsWith(".css") ? "css" : "js"] += gzipSync(body).length;
  }
  return sizes;
}

async function lighthouse(url) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const out = path.join(work, `lh-${i}.json`);
    await run(
      "npx",
      [
        "lighthouse",
        url,
        "--quiet",
        // LIGHTHOUSE_THROTTLING=devtools slows the real load (network and 4× CPU) instead of simulating it.
        `--throttling-method=${process.env.LIGHTHOUSE_THROTTLING || "simulate"}`,
        "--output=json",
        `--output-path=${out}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM } },
    );
    const r = JSON.parse(readFileSync(out, "utf8"));
    runs.push({
      performance: r.categories.performance.score * 100,
      accessibility: r.categories.accessibility.score * 100,
      bestPractices: r.categories["best-practices"].score * 100,
      seo: r.categories.seo.score * 100,
      lcpMs: r.audits["largest-contentful-paint"].numericValue,
      cls: r.audits["cumulative-layout-shift"].numericValue,
      tbtMs: r.audits["total-blocking-time"].numericValue,
    });
  }
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
}

async function main() {
  console.log("bench: building (.next-bench)…");
  const t0 = Date.now();
  await run("npx", ["next", "build"], { env, heartbeat: "bench: build" });
  const buildSeconds = (Date.now() - t0) / 1000;

  const next = startNext(NEXT_PORT, { env });
  children.push(next);
  await waitFor(`http://127.0.0.1:${NEXT_PORT}/`);
  console.log("bench: building and serving the bare baseline page (.next-baseline)…");
  children.push(await startBareApp("bench/baseline", BASELINE_PORT));

  // The same bytes next start serves, laid out for nginx.
  const docroot = path.join(work, "docroot");
  for (const page of Object.values(PAGES)) {
    const body = Buffer.from(await (await fetch(`http://127.0.0.1:${NEXT_PORT}${page}`)).arrayBuffer());
    const file =
      page === "/" ? "index.html" : page.endsWith(".xml") ? page.slice(1) : `${page.slice(1)}.html`;
    mkdirSync(path.dirname(path.join(docroot, file)), { recursive: true });
    writeFileSync(path.join(docroot, file), body);
    // Precompressed beside it (gzip_static): nginx at its best, compressing nothing per request.
    writeFileSync(path.join(docroot, `${file}.gz`), gzipSync(body, { level: 9 }));
  }
  const baselineBody = Buffer.from(await (await fetch(`http://127.0.0.1:${BASELINE_PORT}/`)).arrayBuffer());
  writeFileSync(path.join(docroot, "baseline.html"), baselineBody);
  writeFileSync(path.join(docroot, "baseline.html.gz"), gzipSync(baselineBody, { level: 9 }));

  children.push(
    nginxStatic(docroot),
    nginxProxy({ dir: path.join(work, "proxy"), listenPort: PROXY_PORT, upstreamPort: NEXT_PORT }),
  );
  await waitFor(`http://127.0.0.1:${STATIC_PORT}/`);
  await waitFor(`http://127.0.0.1:${PROXY_PORT}/`);

  // Bytes on the wire per page type, as each target sends them to a browser.
  const bytes = {};
  const wire = async (url) => {
    const r = await rawGet(url, BROWSER_HEADERS);
    return { encoding: r.encoding, bytes: r.bytes };
  };
  for (const [name, page] of Object.entries(PAGES)) {
    const raw = (await rawGet(`http://127.0.0.1:${NEXT_PORT}${page}`, {})).bytes;
    bytes[name] = {
      raw,
      next: await wire(`http://127.0.0.1:${NEXT_PORT}${page}`),
      static: await wire(`http://127.0.0.1:${STATIC_PORT}${page}`),
      proxy: await wire(`http://127.0.0.1:${PROXY_PORT}${page}`),
    };
  }

  const throughput = {};
  for (const [name, page] of Object.entries(PAGES)) {
    console.log(`bench: load on ${name} (${DURATION}s × 3 targets)…`);
    const staticResult = await load(`http://127.0.0.1:${STATIC_PORT}${page}`);
    const nextResult = await load(`http://127.0.0.1:${NEXT_PORT}${page}`);
    const proxyResult = await load(`http://127.0.0.1:${PROXY_PORT}${page}`);
    throughput[name] = { static: staticResult, next: nextResult, proxy: proxyResult };
  }
  console.log(`bench: load on the bare baseline page (${DURATION}s × 2 targets)…`);
  throughput.baseline = {
    static: await load(`http://127.0.0.1:${STATIC_PORT}/baseline`),
    next: await load(`http://127.0.0.1:${BASELINE_PORT}/`),
  };

  const weights = {};
  for (const [name, page] of Object.entries(PAGES))
    if (name !== "feed") weights[name] = await weight(`http://127.0.0.1:${NEXT_PORT}`, page);
  weights.baseline = await weight(`http://127.0.0.1:${BASELINE_PORT}`, "/");

  const lh = {};
  if (LIGHTHOUSE) {
    for (const name of ["article", "home", "fast"]) {
      console.log(`bench: lighthouse ${name} (3 runs)…`);
      lh[name] = await lighthouse(`http://127.0.0.1:${NEXT_PORT}${PAGES[name]}`);
    }
    console.log("bench: lighthouse baseline (3 runs)…");
    lh.baseline = await lighthouse(`http://127.0.0.1:${BASELINE_PORT}/`);
  }

  const result = {
    date: new Date().toISOString(),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { durationSeconds: DURATION, connections: CONNECTIONS },
    buildSeconds,
    throughput,
    bytes,
    weights,
    lighthouse: lh,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", JSON.stringify(result, null, 2));

  console.log(
    `\n${result.date} · ${result.commit} · ${result.machine.cpus} cores · ${result.machine.cpu} · Node ${result.machine.node}`,
  );
  console.log(
    `build ${buildSeconds.toFixed(1)} s · ${CONNECTIONS} connections × ${DURATION} s, load generator on the same machine\n`,
  );
  console.log("| page | target | req/s | p50 ms | p99 ms | × nginx-static | errors / non-2xx |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, t] of Object.entries(throughput)) {
    for (const target of ["static", "next", "proxy"]) {
      const r = t[target];
      if (!r) continue;
      const ratio = (r.rps / t.static.rps).toFixed(2);
      console.log(
        `| ${name} | ${target} | ${r.rps} | ${r.p50} | ${r.p99} | ${ratio} | ${r.errors} / ${r.non2xx} |`,
      );
    }
  }
  console.log("\n| page | HTML bytes | next start sends | nginx static sends | proxy sends |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const [name, b] of Object.entries(bytes)) {
    const cell = (w) => `${w.bytes} (${w.encoding || "identity"})`;
    console.log(`| ${name} | ${b.raw} | ${cell(b.next)} | ${cell(b.static)} | ${cell(b.proxy)} |`);
  }
  console.log("\n| page | HTML KB gz | CSS KB gz | JS KB gz |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [name, w] of Object.entries(weights)) {
    console.log(
      `| ${name} | ${(w.html / 1024).toFixed(1)} | ${(w.css / 1024).toFixed(1)} | ${(w.js / 1024).toFixed(1)} |`,
    );
  }
  if (LIGHTHOUSE) {
    console.log("\n| page | perf | a11y | best practices | SEO | LCP s | CLS | TBT ms |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const [name, l] of Object.entries(lh)) {
      console.log(
        `| ${name} | ${l.performance} | ${l.accessibility} | ${l.bestPractices} | ${l.seo} | ${(l.lcpMs / 1000).toFixed(2)} | ${l.cls} | ${Math.round(l.tbtMs)} |`,
      );
    }
  }
}

try {
  await main();
} catch (error) {
  for (const c of children) console.error(`--- ${c.spawnargs.join(" ")}\n${c.log().slice(-2000)}`);
  throw error;
} finally {
  await Promise.all(children.map(stop));
}
