#!/usr/bin/env node
/**
 * `npm run bench:newsletter`: the send rate to a loopback SMTP server (smtp-server, counting what it
 * accepts) and the sender's peak memory, at NEWSLETTER_SUBSCRIBERS (default 100,000) confirmed
 * subscribers on SQLite. Runs `npm run newsletter:send`'s script as an operator would, under
 * /usr/bin/time. Writes bench/results/newsletter.json. Loopback only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { SMTPServer } from "smtp-server";
import { run } from "./lib.mjs";

const SUBSCRIBERS = Number(process.env.NEWSLETTER_SUBSCRIBERS || 100_000);
const CONNECTIONS = Number(process.env.NEWSLETTER_CONNECTIONS || 5);

const accepted = new Map();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    stream.on("data", () => undefined);
    stream.on("end", () => {
      for (const r of session.envelope.rcptTo) accepted.set(r.address, (accepted.get(r.address) ?? 0) + 1);
      callback();
    });
  },
});
server.on("error", () => undefined);
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = server.server.address().port;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-bench-newsletter-"));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  SMTP_URL: `smtp://127.0.0.1:${port}`,
  CONTENT_DIR: ["content", "e2e/fixtures/content"].join(path.delimiter),
  SITE_URL: "https://news.example.com",
  NEWSLETTER_RATE_PER_SECOND: "10000",
  NEWSLETTER_CONNECTIONS: String(CONNECTIONS),
};
const send = (args) =>
  run(
    "/usr/bin/time",
    ["-f", "MAXRSS_KB=%M", process.execPath, "--import", "tsx", "scripts/newsletter-send.ts", ...args],
    {
      env,
    },
  );

// A dry run makes the database (migrations) and sends nothing.
await send(["--list", "morning-brief", "--since", "2020-01-01T00:00:00Z", "--dry-run"]);
const db = new SQLite(path.join(dataDir, "dispatch.sqlite"));
const stamp = new Date().toISOString();
const insert = db.prepare(
  "insert into subscriptions (email, lists, status, created_at, updated_at, confirmed_at) values (?, 'morning-brief', 'confirmed', ?, ?, ?)",
);
db.transaction(() => {
  for (let i = 0; i < SUBSCRIBERS; i++) insert.run(`reader${i}@example.com`, stamp, stamp, stamp);
})();
db.close();

console.log(`newsletter: sending to ${SUBSCRIBERS} subscribers over ${CONNECTIONS} connections…`);
const started = Date.now();
const out = await send(["--list", "morning-brief", "--since", "2020-01-01T00:00:00Z"]);
const seconds = (Date.now() - started) / 1000;
const peakMiB = Math.round(Number(/MAXRSS_KB=(\d+)/.exec(out)?.[1] ?? 0) / 1024);
const twice = [...accepted.values()].filter((n) => n > 1).length;
await new Promise((resolve) => server.close(resolve));
rmSync(dataDir, { recursive: true, force: true });

const row = {
  subscribers: SUBSCRIBERS,
  connections: CONNECTIONS,
  seconds,
  perSecond: Math.round(accepted.size / seconds),
  received: accepted.size,
  receivedTwice: twice,
  senderPeakMiB: peakMiB,
  summary: out.split("\n").filter((l) => l.startsWith("newsletter:")),
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/newsletter.json",
  JSON.stringify({ date: new Date().toISOString(), ...row }, null, 2),
);
console.log(JSON.stringify(row, null, 2));
console.log(
  "\n| subscribers | connections | seconds | messages/s | received | received twice | sender peak MiB |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
console.log(
  `| ${SUBSCRIBERS} | ${CONNECTIONS} | ${seconds.toFixed(0)} | ${row.perSecond} | ${row.received} | ${twice} | ${peakMiB} |`,
);
