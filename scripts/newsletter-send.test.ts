import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, type DbOptions } from "@/lib/db/database";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { dropPostgres, freshPostgresUrl } from "@/test/postgres";

/**
 * The command as an operator runs it (a real process, real SMTP on loopback, the fixture content):
 * killed with SIGKILL at a random point and run again, it never sends anyone a second message.
 */
const SEED = "us-pressing-mexico-to-allow-us-forces-to-fight-cartels";
const SUBSCRIBERS = 10_000;
/** Of them, on the Breaking News list too (a smaller list keeps the alert test short). */
const BREAKING = 2_000;
const CONNECTIONS = 5;

type Run = { code: number | null; out: string };

function command(
  args: string[],
  env: Record<string, string>,
  killWhen?: () => boolean,
  signal: NodeJS.Signals = "SIGKILL",
): Promise<Run> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), so SIGKILL kills the sender itself, not a wrapper.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/newsletter-send.ts", ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let sent = false;
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = killWhen
      ? setInterval(() => {
          if (killWhen() && !sent) sent = child.kill(signal);
        }, 2)
      : undefined;
    child.on("error", reject);
    child.on("exit", (code) => {
      if (timer) clearInterval(timer);
      resolve({ code, out });
    });
  });
}

const backends: {
  name: string;
  options: (dir: string) => Promise<DbOptions & { env: Record<string, string> }>;
}[] = [
  {
    name: "sqlite",
    options: async (dir) => ({ sqliteFile: path.join(dir, "dispatch.sqlite"), env: {} }),
  },
];
if (process.env.TEST_DATABASE_URL)
  backends.push({
    name: "postgres",
    options: async () => {
      const url = await freshPostgresUrl("cli");
      return { databaseUrl: url, env: { DATABASE_URL: url } };
    },
  });
else it.skip("postgres: the command (set TEST_DATABASE_URL)", () => {});

for (const backend of backends) {
  describe(`npm run newsletter:send on ${backend.name}`, () => {
    let sink: SmtpSink;
    let db: Db;
    let env: Record<string, string>;
    let dataDir: string;
    let url: string | undefined;

    beforeAll(async () => {
      sink = await startSmtpSink();
      dataDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-cli-"));
      const options = await backend.options(dataDir);
      url = options.databaseUrl;
      db = await openDatabase(options);
      const stamp = new Date().toISOString();
      for (let i = 0; i < SUBSCRIBERS; i += 500)
        await db
          .insertInto("subscriptions")
          .values(
            Array.from({ length: 500 }, (_, k) => ({
              email: `r${i + k}@example.com`,
              lists: i + k < BREAKING ? "morning-brief,breaking-news" : "morning-brief",
              status: "confirmed" as const,
              created_at: stamp,
              updated_at: stamp,
              confirmed_at: stamp,
            })),
          )
          .execute();
      env = {
        ...options.env,
        DATA_DIR: dataDir,
        SMTP_URL: sink.url,
        CONTENT_DIR: ["content", "e2e/fixtures/content"].join(path.delimiter),
        SITE_URL: "https://news.example.com",
        SITE_TIME_ZONE: "Asia/Singapore",
        NEWSLETTER_RATE_PER_SECOND: "10000",
        NEWSLETTER_CONNECTIONS: String(CONNECTIONS),
      };
    });
    afterAll(async () => {
      await db.destroy();
      await sink.close();
      if (url) await dropPostgres(url);
    });

    it(
      "an empty window sends nothing and says so; a dry run sends nothing and writes a preview",
      { timeout: 30_000 },
      async () => {
        const empty = await command(["--list", "evening-brief"], env);
        expect(empty.out).toContain("no stories in the window: nothing sent");
        expect(empty.code).toBe(0);
        // The window, start and end in the newsroom's zone, whatever the outcome: a --since that starts
        // after the last send time (the window still ends there) must not look like a broken send.
        const window = /window (\d{4}-\d\d-\d\d \d\d:\d\d) to (\d{4}-\d\d-\d\d) 18:00 Asia\/Singapore/;
        expect(empty.out).toMatch(window);
        const late = await command(["--list", "morning-brief", "--since", "2099-12-01T00:00:00+08:00"], env);
        expect(late.out).toContain("nothing sent");
        expect(late.out).toMatch(/window 2099-12-01 00:00 to \d{4}-\d\d-\d\d 06:00 Asia\/Singapore/);
        expect(late.out).toContain("ends at the list's last send time");
        const dry = await command(
          ["--list", "morning-brief", "--since", "2020-01-01T00:00:00Z", "--dry-run"],
          env,
        );
        expect(dry.out).toMatch(new RegExp(`would go to ${SUBSCRIBERS} subscribers; preview: (\\S+)`));
        expect(dry.out).toMatch(/window 2020-01-01 08:00 to \d{4}-\d\d-\d\d 06:00 Asia\/Singapore/);
        const file = /preview: (\S+)/.exec(dry.out)?.[1] ?? "";
        expect(existsSync(file)).toBe(true);
        expect(readFileSync(file, "utf8")).toContain("https://news.example.com/world/" + SEED);
        expect(sink.byRecipient.size).toBe(0);
      },
    );

    it(
      "killed with SIGKILL at a random point, then run again: no one gets two",
      { timeout: 180_000 },
      async () => {
        const args = ["--list", "morning-brief", "--since", "2020-01-01T00:00:00Z"];
        const killAt = 1 + Math.floor(Math.random() * (SUBSCRIBERS - 2));
        const killed = await command(args, env, () => sink.byRecipient.size >= killAt);
        expect(killed.code, killed.out).toBeNull();
        const before = sink.byRecipient.size;
        expect(before).toBeLessThan(SUBSCRIBERS);
        const again = await command(args, env);
        expect(again.code, again.out).toBe(0);
        expect(again.out).toMatch(/window 2020-01-01 08:00 to \d{4}-\d\d-\d\d 06:00 Asia\/Singapore/);
        expect(Math.max(...sink.byRecipient.values())).toBe(1);
        // Rows the killed run had on the wire become "unknown": never resent, and reported. Rows it had
        // claimed but not started went back to the queue and were sent by the second run.
        const left = await db
          .selectFrom("newsletter_deliveries")
          .select("subscription_id")
          .where("status", "in", ["sending", "unknown"])
          .execute();
        const statuses = await db
          .selectFrom("newsletter_deliveries")
          .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
          .groupBy("status")
          .execute();
        const detail = JSON.stringify({ killAt, before, statuses, out: again.out });
        expect(left.length, detail).toBeLessThanOrEqual(CONNECTIONS);
        expect(sink.byRecipient.size + left.length, detail).toBeGreaterThanOrEqual(SUBSCRIBERS);
        expect(sink.byRecipient.size).toBeLessThanOrEqual(SUBSCRIBERS);
        if (left.length > 0) expect(again.out).toContain("not resent");
        const third = await command(args, env);
        expect(third.out).toContain("sent 0");
        expect(Math.max(...sink.byRecipient.values())).toBe(1);
      },
    );

    it("a breaking story named on the command line goes out once", { timeout: 120_000 }, async () => {
      sink.byRecipient.clear();
      const first = await command(["--list", "breaking-news", "--story", SEED], env);
      expect(first.code, first.out).toBe(0);
      expect(sink.byRecipient.size).toBe(BREAKING);
      const second = await command(["--list", "breaking-news", "--story", SEED], env);
      expect(second.out).toContain("sent 0");
      expect(Math.max(...sink.byRecipient.values())).toBe(1);
      const bad = await command(["--list", "no-such-list"], env);
      expect(bad.code).toBe(2);
      expect(bad.out).toContain('unknown list "no-such-list"');
    });

    it(
      "shows its progress in a log; Ctrl-C stops it between batches and says how to resume; run again, no one gets two",
      { timeout: 180_000 },
      async () => {
        sink.byRecipient.clear();
        await db.updateTable("subscriptions").set({ lists: "morning-brief,evening-brief" }).execute();
        const args = ["--list", "evening-brief", "--since", "2020-01-01T00:00:00Z"];
        const stopAt = Math.floor(SUBSCRIBERS * (0.2 + Math.random() * 0.5));
        // At 1,000 a second the send takes 10 s, so the Ctrl-C lands while it is running: at full speed
        // on a busy machine the sink's count could lag the sender until everyone had been sent.
        const slow = { ...env, NEWSLETTER_RATE_PER_SECOND: "1000" };
        const stopped = await command(args, slow, () => sink.byRecipient.size >= stopAt, "SIGINT");
        expect(stopped.code, stopped.out).toBe(130);
        expect(stopped.out).toContain("SIGINT: stopping after the messages in flight");
        expect(stopped.out).toContain(
          `To resume, run the same command again: npm run newsletter:send -- ${args.join(" ")}`,
        );
        // Not a terminal: plain lines with done/total, rate, ETA and failures, first and last included.
        const lines =
          stopped.out.match(
            /^newsletter: evening-brief\/\S+: \d+\/10000 done \(\d+%\), [\d.]+\/s, ETA \S+, failed 0, elapsed \S+$/gm,
          ) ?? [];
        expect(lines.length, stopped.out).toBeGreaterThanOrEqual(2);
        const before = sink.byRecipient.size;
        expect(before).toBeGreaterThanOrEqual(stopAt);
        expect(before, stopped.out.slice(-1500)).toBeLessThan(SUBSCRIBERS);

        const again = await command(args, env);
        expect(again.code, again.out).toBe(0);
        expect(again.out).toContain("resuming evening-brief/");
        // A clean stop leaves nothing on the wire: everyone gets exactly one.
        expect(sink.byRecipient.size).toBe(SUBSCRIBERS);
        expect(Math.max(...sink.byRecipient.values())).toBe(1);
        expect(again.out).toMatch(/10000\/10000 done \(100%\)/);
      },
    );
  });
}
