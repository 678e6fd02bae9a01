#!/usr/bin/env node
/**
 * `npm run bench:restart` (issue 26): two instances behind the shipped nginx under the bench mix,
 * one of them stopped (SIGTERM) and started again mid-run, as a deploy does. Reports every GET that
 * failed (an error or any non-2xx), p99 and req/s in 5 s windows, the p99 in the minute after the
 * restart, and how long the restarted instance took to answer and to be ready.
 *
 * RESTART_SIZE stories (default 100000) are generated and built, unless RESTART_CONTENT_DIR and
 * RESTART_DIST_DIR name a folder and a build of it already made (bench:scale's, for instance).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { localNginxConf } from "../test/nginx-conf.cjs";
import { generate } from "./generate.mjs";
import { run, start, startNext, stop } from "./lib.mjs";
import { firstAnswer, loadInWindows, watchReady } from "./windows.mjs";

const SIZE = Number(process.env.RESTART_SIZE || 100_000);
const SECONDS = Number(process.env.RESTART_SECONDS || 150);
const RESTART_AT_S = Number(process.env.RESTART_AT || 30);
const PORTS = [3301, 3302];
const PROXY_PORT = 8097;

let dir = process.env.RESTART_CONTENT_DIR;
const distDir = process.env.RESTART_DIST_DIR || ".next-restart";
const env = (port) => ({
  ...process.env,
  CONTENT_DIR: dir,
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: "1",
  SITE_URL: `http://127.0.0.1:${PROXY_PORT}`,
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), `dispatch-restart-data-${port}-`)),
  TRUSTED_PROXIES: "1",
});

if (!dir) {
  dir = mkdtempSync(path.join(os.tmpdir(), `dispatch-restart-${SIZE}-`));
  console.log(`restart: generating ${SIZE} stories…`);
  await generate(SIZE, dir);
  await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env: env(PORTS[0]),
    heartbeat: `restart: build ${SIZE}`,
  });
}

const serve = (port) => startNext(port, { env: env(port) });

async function ready(base) {
  const watch = watchReady(base);
  while (watch.readyAt() === undefined) await new Promise((r) => setTimeout(r, 250));
  await watch.stop();
}

const servers = PORTS.map(serve);
for (const port of PORTS) {
  await firstAnswer(`http://127.0.0.1:${port}`);
  await ready(`http://127.0.0.1:${port}`);
}
const nginxDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-restart-nginx-"));
mkdirSync(nginxDir, { recursive: true });
writeFileSync(
  path.join(nginxDir, "nginx.conf"),
  localNginxConf({ listenPort: PROXY_PORT, upstreamPorts: PORTS }),
);
const nginx = start("nginx", ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf")]);
const base = `http://127.0.0.1:${PROXY_PORT}`;
await firstAnswer(base);

// The bench mix, plus 200 archive stories in turn so that some requests miss nginx's cache.
const sections = ["world", "asia", "business", "tech", "sport"];
const paths = ["/", "/world", "/feed.xml", `/${sections[(SIZE - 3) % 5]}/story-${SIZE - 3}`];
for (let i = 0; i < 200; i += 1) {
  const n = Math.floor((i * SIZE) / 200) + 7;
  paths.push(`/${sections[n % 5]}/story-${n}`);
}

let restartedAt;
let answeredAfterMs;
let readyAfterMs;
const restart = (async () => {
  await new Promise((r) => setTimeout(r, RESTART_AT_S * 1000));
  console.log("restart: SIGTERM to the second instance, then the same command again");
  restartedAt = Date.now();
  await stop(servers[1]);
  servers[1] = serve(PORTS[1]);
  const own = `http://127.0.0.1:${PORTS[1]}`;
  answeredAfterMs = (await firstAnswer(own)) - restartedAt;
  await ready(own);
  readyAfterMs = Date.now() - restartedAt;
  console.log(`restart: answered after ${answeredAfterMs} ms, ready after ${readyAfterMs} ms`);
})();

const started = Date.now();
const { windows } = await loadInWindows({
  base,
  paths,
  pid: nginx.pid,
  seconds: SECONDS,
  log: (w) => console.log(`restart: window ${JSON.stringify(w)}`),
});
await restart;
const restartS = (restartedAt - started) / 1000;
const minuteAfter = windows.filter((w) => w.at >= restartS && w.at < restartS + 60);
const failed = windows.reduce((n, w) => n + w.errors + w.non2xx, 0);
const result = {
  size: SIZE,
  restartAtS: Math.round(restartS),
  answeredAfterMs,
  readyAfterMs,
  failedGets: failed,
  requests: windows.reduce((n, w) => n + w.rps * 5, 0),
  worstP99MinuteAfter: Math.max(...minuteAfter.map((w) => w.p99)),
  lowestRpsMinuteAfter: Math.min(...minuteAfter.map((w) => w.rps)),
  windows,
};
await stop(nginx);
await Promise.all(servers.map(stop));
rmSync(nginxDir, { recursive: true, force: true });
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/restart.json",
  JSON.stringify({ date: new Date().toISOString(), result }, null, 2),
);
console.log(
  `\n| stories | restart at s | answered after ms | ready after s | failed GETs | worst p99 in the minute after (ms) | lowest req/s in it |`,
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
console.log(
  `| ${SIZE} | ${result.restartAtS} | ${answeredAfterMs} | ${(readyAfterMs / 1000).toFixed(1)} | ${failed} | ${result.worstP99MinuteAfter} | ${result.lowestRpsMinuteAfter} |`,
);
console.log(windows.map((w) => `${w.at}: ${w.p99}/${w.rps}/${w.non2xx + w.errors}`).join(" · "));
