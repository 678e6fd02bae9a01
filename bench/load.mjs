#!/usr/bin/env node
/**
 * `npm run bench:load`: reliability under load, on loopback, against `next start`.
 *   mixed   LOAD_SECONDS (60) at LOAD_CONNECTIONS (100) across every page type plus newsletter
 *           signups posted the way a browser without JavaScript posts them (multipart form, one
 *           fresh address per post; the per-IP limit is lifted, since every post comes from here). Counts errors and
 *           5xx, then checks that every signup the server accepted is in the database. Then the
 *           same again through deploy/nginx.conf (the shipped caching proxy) in front of it.
 *   soak    SOAK_SECONDS (300) of the same mix at SOAK_CONNECTIONS (50), sampling the server's
 *           resident memory every 5 s; growth is the last minute's median over the second minute's.
 *   drain   requests in flight when the server gets SIGTERM must all complete before it exits.
 * Writes bench/results/load.json. Targets are in docs/BENCHMARKS.md, never asserted in tests.
 * BENCH_REUSE_BUILD=1 serves an existing .next-bench build instead of building again.
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { drainUnderLoad, median, nginxProxy, run, startNext, stop, treeRssMiB, waitFor } from "./lib.mjs";

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS || 60);
const LOAD_CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 100);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS || 300);
const SOAK_CONNECTIONS = Number(process.env.SOAK_CONNECTIONS || 50);
const PORT = 3210;
const PROXY_PORT = 3211;
const BASE = `http://127.0.0.1:${PORT}`;
const SEED = "/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels";

/** What a reader's traffic looks like, by weight; signups are one request in ten. */
const PAGES = [
  [SEED, 20],
  ["/", 15],
  ["/world", 8],
  ["/business", 4],
  ["/fast", 8],
  [`/fast/us-pressing-mexico-to-allow-us-forces-to-fight-cartels`, 6],
  [`${SEED}/summary`, 6],
  ["/topic/mexico", 3],
  ["/feed.xml", 4],
  ["/world/feed.xml", 2],
  ["/sitemap.xml", 2],
  ["/news-sitemap.xml", 2],
  ["/newsletter", 4],
  ["/no-such-page", 2],
  ["/world/%E0%A4%A", 1],
  ["/og/article/us-pressing-mexico-to-allow-us-forces-to-fight-cartels", 3],
];
const SIGNUP_WEIGHT = 10;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-load-data-"));
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: ".next-bench",
  CONTENT_DIR: ["content", "e2e/fixtures/content"].join(path.delimiter),
  SITE_URL: BASE,
  DATA_DIR: dataDir,
  TRUSTED_PROXIES: "1",
  // Every post comes from this machine, and a forged X-Forwarded-For no longer opens a new bucket
  // (e2e/rate-limit.spec.ts): the bench measures signup throughput, so the per-IP limit is lifted.
  SIGNUP_LIMIT_PER_IP: "1000000000",
};

/** The hidden fields React renders into the signup form, so posts look like a browser's. */
async function signupFormFields() {
  const html = await (await fetch(`${BASE}/newsletter`)).text();
  const unescape = (s) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [
    m[1],
    unescape(m[2] ?? ""),
  ]);
  if (!fields.some(([name]) => name.startsWith("$ACTION")))
    throw new Error("no server action fields in /newsletter");
  return fields;
}

function multipart(fields) {
  const boundary = `----dispatchload${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

function mixedLoad({ url = BASE, seconds, connections, hidden, tag, accepted, counts }) {
  const total = PAGES.reduce((n, [, w]) => n + w, 0) + SIGNUP_WEIGHT;
  let serial = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest(request, context) {
          let r = Math.random() * total;
          for (const [page, weight] of PAGES) {
            r -= weight;
            if (r < 0) {
              context.kind = page;
              context.email = undefined;
              return { ...request, method: "GET", path: page, headers: {}, body: undefined };
            }
          }
          serial += 1;
          const email = `${tag}-${process.pid}-${serial}@example.com`;
          const { body, type } = multipart([
            ...hidden,
            ["email", email],
            ["lists", "morning-brief"],
            ["website", ""],
          ]);
          context.kind = "signup";
          context.email = email;
          return {
            ...request,
            method: "POST",
            path: "/newsletter",
            headers: { "content-type": type, accept: "text/html" },
            body,
          };
        },
        onResponse(status, body, context) {
          const c = (counts[context.kind] ??= { requests: 0, byStatus: {} });
          c.requests += 1;
          c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
          if (context.kind === "signup") {
            if (status === 200 && body.includes("Almost done")) accepted.push(context.email);
            else if (status === 200 && body.includes("unavailable")) c.refused = (c.refused ?? 0) + 1;
          }
        },
      },
    ],
  });
}

function summarise(r, counts) {
  const fivexx = Object.values(counts).reduce(
    (n, c) =>
      n +
      Object.entries(c.byStatus)
        .filter(([s]) => s >= 500)
        .reduce((m, [, k]) => m + k, 0),
    0,
  );
  return {
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    fivexx,
    counts,
  };
}

function storedEmails() {
  const db = new Database(path.join(dataDir, "dispatch.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return new Set(db.prepare("select email from subscriptions").pluck().all());
  } finally {
    db.close();
  }
}

async function main() {
  if (!(process.env.BENCH_REUSE_BUILD === "1" && existsSync(".next-bench/BUILD_ID"))) {
    console.log("load: building (.next-bench)…");
    await run("npx", ["next", "build"], { env, heartbeat: "load: build" });
  }
  const server = startNext(PORT, { env });
  try {
    await waitFor(`${BASE}/`);
    const hidden = await signupFormFields();

    console.log(`load: mixed, ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s…`);
    const accepted = [];
    const counts = {};
    const mixed = summarise(
      await mixedLoad({
        seconds: LOAD_SECONDS,
        connections: LOAD_CONNECTIONS,
        hidden,
        tag: "load",
        accepted,
        counts,
      }),
      counts,
    );
    const stored = storedEmails();
    mixed.signupsAccepted = accepted.length;
    mixed.acceptedButMissing = accepted.filter((e) => !stored.has(e)).length;

    console.log(
      `load: mixed through the shipped nginx proxy, ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s…`,
    );
    const proxy = nginxProxy({
      dir: mkdtempSync(path.join(os.tmpdir(), "dispatch-load-proxy-")),
      listenPort: PROXY_PORT,
      upstreamPort: PORT,
    });
    let viaProxy;
    try {
      await waitFor(`http://127.0.0.1:${PROXY_PORT}/`);
      const proxyAccepted = [];
      const proxyCounts = {};
      viaProxy = summarise(
        await mixedLoad({
          url: `http://127.0.0.1:${PROXY_PORT}`,
          seconds: LOAD_SECONDS,
          connections: LOAD_CONNECTIONS,
          hidden,
          tag: "proxy",
          accepted: proxyAccepted,
          counts: proxyCounts,
        }),
        proxyCounts,
      );
      const storedAfterProxy = storedEmails();
      viaProxy.signupsAccepted = proxyAccepted.length;
      viaProxy.acceptedButMissing = proxyAccepted.filter((e) => !storedAfterProxy.has(e)).length;
    } finally {
      await stop(proxy);
    }

    console.log(`load: soak, ${SOAK_CONNECTIONS} connections × ${SOAK_SECONDS} s, memory every 5 s…`);
    const samples = [];
    const sampler = setInterval(
      () => samples.push({ t: samples.length * 5, mib: treeRssMiB(server.pid) }),
      5000,
    );
    const soakAccepted = [];
    const soakCounts = {};
    const soakRun = summarise(
      await mixedLoad({
        seconds: SOAK_SECONDS,
        connections: SOAK_CONNECTIONS,
        hidden,
        tag: "soak",
        accepted: soakAccepted,
        counts: soakCounts,
      }),
      soakCounts,
    );
    clearInterval(sampler);
    const storedAfterSoak = storedEmails();
    // Medians over a minute, so the garbage collector's sawtooth does not decide the figure.
    const minute = (from, to) =>
      median(samples.filter((s) => s.t >= from && s.t < to).map((s) => s.mib)) ?? 0;
    const base = minute(60, 120);
    const endAvg = minute(SOAK_SECONDS - 60, SOAK_SECONDS);
    const soak = {
      ...soakRun,
      signupsAccepted: soakAccepted.length,
      acceptedButMissing: soakAccepted.filter((e) => !storedAfterSoak.has(e)).length,
      memoryMiB: {
        secondMinute: Math.round(base),
        lastMinute: Math.round(endAvg),
        peak: Math.round(Math.max(...samples.map((s) => s.mib))),
      },
      growthPercent: base ? Number((((endAvg - base) / base) * 100).toFixed(1)) : null,
      samples,
    };

    console.log("load: SIGTERM with requests in flight…");
    const drained = await drainUnderLoad(server, BASE);

    const result = {
      date: new Date().toISOString(),
      commit: execSync("git rev-parse --short HEAD").toString().trim(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
      mixed,
      viaProxy,
      soak,
      drain: drained,
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/load.json", JSON.stringify(result, null, 2));

    console.log(
      `\n${result.date} · ${result.commit} · ${result.machine.cpus} cores · Node ${result.machine.node}\n`,
    );
    console.log(
      "| run | requests | req/s | p50 ms | p99 ms | errors | timeouts | 5xx | signups accepted | accepted but not stored |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const [name, r] of [
      ["mixed, next start", mixed],
      ["mixed, via nginx proxy", viaProxy],
      ["soak, next start", soak],
    ]) {
      console.log(
        `| ${name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.timeouts} | ${r.fivexx} | ${r.signupsAccepted} | ${r.acceptedButMissing} |`,
      );
    }
    console.log(
      `\nper request type (mixed): ${Object.entries(mixed.counts)
        .map(([k, c]) => `${k} ${JSON.stringify(c.byStatus)}`)
        .join("; ")}`,
    );
    console.log(
      `soak memory (median RSS): ${soak.memoryMiB.secondMinute} MiB in the second minute → ${soak.memoryMiB.lastMinute} MiB in the last (${soak.growthPercent} %), peak ${soak.memoryMiB.peak} MiB`,
    );
    console.log(
      `drain: ${drained.completed}/${drained.inFlight} in-flight requests completed whole; failed: ${drained.failed.length}; /health while draining: ${drained.healthWhileDraining}; exit ${drained.exitCode ?? drained.exitSignal} after ${drained.exitMs} ms`,
    );
  } catch (error) {
    console.error(server.log().slice(-3000));
    throw error;
  } finally {
    await stop(server);
  }
}

await main();
