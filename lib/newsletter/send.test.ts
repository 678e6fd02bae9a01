import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, type DbOptions } from "@/lib/db/database";
import type { SubscriptionStatus } from "@/lib/db/schema";
import { createBulkTransport, type BulkMail } from "./bulk-transport";
import { DeliveryStore } from "./deliveries";
import { IssueStore, type IssueRow } from "./issues";
import { sendIssue } from "./send";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { SubscriptionStore } from "./store";
import { freshPostgresUrl, dropPostgres } from "@/test/postgres";
import { UNSUBSCRIBE_PLACEHOLDER } from "./brief";

/**
 * Sending against the real smtp-server on loopback, on SQLite and (with TEST_DATABASE_URL) on a
 * PostgreSQL database of its own. Counts are the SMTP server's: by recipient and Message-ID.
 */
const backends: { name: string; options: () => Promise<DbOptions> }[] = [
  {
    name: "sqlite",
    options: async () => ({
      sqliteFile: path.join(mkdtempSync(path.join(os.tmpdir(), "dispatch-send-")), "t.sqlite"),
    }),
  },
];
if (process.env.TEST_DATABASE_URL)
  backends.push({ name: "postgres", options: async () => ({ databaseUrl: await freshPostgresUrl("send") }) });
else
  it.skip("postgres sending tests (set TEST_DATABASE_URL, or run npm test with PostgreSQL installed)", () => {});

const now = new Date("2026-11-29T06:00:00Z");

async function subscribe(
  db: Db,
  count: number,
  lists = "morning-brief",
  status: SubscriptionStatus = "confirmed",
  prefix = "reader",
) {
  const stamp = now.toISOString();
  for (let i = 0; i < count; i += 500) {
    await db
      .insertInto("subscriptions")
      .values(
        Array.from({ length: Math.min(500, count - i) }, (_, k) => ({
          email: `${prefix}${i + k}@example.com`,
          lists,
          status,
          created_at: stamp,
          updated_at: stamp,
          confirmed_at: status === "confirmed" ? stamp : null,
        })),
      )
      .execute();
  }
}

async function newIssue(db: Db, key = "morning-brief/2026-11-29"): Promise<IssueRow> {
  return new IssueStore(db).issue({
    issue_key: key,
    list_id: "morning-brief",
    subject: "Morning Brief: a story",
    html: `<p>Hello</p><a href="${UNSUBSCRIBE_PLACEHOLDER}">Unsubscribe</a>`,
    text: `Hello\n\nUnsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}\n`,
    story_count: 1,
    window_start: "2026-11-28T18:00:00.000Z",
    window_end: "2026-11-29T06:00:00.000Z",
    created_at: now.toISOString(),
  });
}

for (const backend of backends) {
  describe(`sending on ${backend.name}`, () => {
    let sink: SmtpSink;
    let transport: BulkMail;
    const opened: Db[] = [];
    const urls: string[] = [];

    beforeAll(async () => {
      sink = await startSmtpSink();
      transport = createBulkTransport({
        smtpUrl: sink.url,
        outboxDir: "",
        from: "Dispatch <news@example.com>",
        maxConnections: 5,
        ratePerSecond: 100_000,
      });
    });
    afterAll(async () => {
      transport.close();
      await sink.close();
      for (const url of urls) await dropPostgres(url);
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((db) => db.destroy()));
      sink.accepted.clear();
      sink.byRecipient.clear();
      sink.refuse.clear();
    });

    async function fresh(): Promise<{ db: Db; options: DbOptions }> {
      const options = await backend.options();
      if (options.databaseUrl) urls.push(options.databaseUrl);
      const db = await openDatabase(options);
      opened.push(db);
      return { db, options };
    }

    it(
      "10,000 subscribers: each confirmed one gets exactly one message, no one else gets any",
      { timeout: 180_000 },
      async () => {
        const { db } = await fresh();
        await subscribe(db, 10_000);
        await subscribe(db, 50, "morning-brief", "pending", "pending");
        await subscribe(db, 50, "evening-brief", "confirmed", "evening");
        const report = await sendIssue(db, transport, await newIssue(db), { now: () => now });
        expect(report).toMatchObject({ sent: 10_000, failed: 0, skipped: 0 });
        expect(report.counts).toMatchObject({ sent: 10_000, queued: 0, sending: 0 });
        expect(sink.byRecipient.size).toBe(10_000);
        expect(Math.max(...sink.byRecipient.values())).toBe(1);
        expect(new Set([...sink.accepted.keys()].map((k) => k.split("|")[1])).size).toBe(10_000);
        expect([...sink.byRecipient.keys()].every((r) => r.startsWith("reader"))).toBe(true);
        // Run again: nothing more goes out.
        expect(await sendIssue(db, transport, await newIssue(db), { now: () => now })).toMatchObject({
          sent: 0,
        });
        expect(sink.byRecipient.size).toBe(10_000);
      },
    );

    it("two senders started together never send a row twice", { timeout: 120_000 }, async () => {
      const { db, options } = await fresh();
      await subscribe(db, 3000);
      const issue = await newIssue(db);
      const other = await openDatabase(options);
      opened.push(other);
      const [a, b] = await Promise.all([
        sendIssue(db, transport, issue, { sender: "a", batchSize: 50, now: () => now }),
        sendIssue(other, transport, issue, { sender: "b", batchSize: 50, now: () => now }),
      ]);
      expect(a.sent + b.sent).toBe(3000);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      expect(sink.byRecipient.size).toBe(3000);
      expect(Math.max(...sink.byRecipient.values())).toBe(1);
    });

    it("451 is retried with backoff; 550 is recorded, and a second 550 suppresses the address", async () => {
      const { db } = await fresh();
      await subscribe(db, 20);
      sink.refuse.set("reader1@example.com", { code: 550 });
      sink.refuse.set("reader2@example.com", { code: 451, times: 2 });
      sink.refuse.set("reader3@example.com", { code: 451, times: 99 });
      const options = { now: () => new Date(), retryBaseMs: 20, maxAttempts: 4 };
      const first = await sendIssue(db, transport, await newIssue(db), options);
      expect(first).toMatchObject({ sent: 18, failed: 2, suppressed: 0 });
      expect(first.retried).toBe(2 + 3);
      expect(sink.byRecipient.get("reader2@example.com")).toBe(1);
      expect(sink.byRecipient.has("reader1@example.com")).toBe(false);
      const second = await sendIssue(db, transport, await newIssue(db, "morning-brief/2026-11-30"), options);
      expect(second).toMatchObject({ failed: 2, suppressed: 1 });
      const row = await db
        .selectFrom("subscriptions")
        .selectAll()
        .where("email", "=", "reader1@example.com")
        .executeTakeFirstOrThrow();
      expect(row.hard_bounces).toBe(2);
      expect(row.suppressed_at).not.toBeNull();
      const third = await sendIssue(db, transport, await newIssue(db, "morning-brief/2026-12-01"), options);
      expect(third.counts.sent + third.counts.failed).toBe(19);
    });

    it("skips a subscriber who unsubscribes after the send began", async () => {
      const { db } = await fresh();
      await subscribe(db, 10);
      const issue = await newIssue(db);
      await new DeliveryStore(db).enqueue(issue.id, issue.list_id, now);
      await db
        .updateTable("subscriptions")
        .set({ status: "unsubscribed" })
        .where("email", "=", "reader4@example.com")
        .execute();
      const report = await sendIssue(db, transport, issue, { now: () => now });
      expect(report).toMatchObject({ sent: 9, skipped: 1 });
      expect(sink.byRecipient.has("reader4@example.com")).toBe(false);
    });

    it("each message carries working one-click and footer unsubscribe links", async () => {
      const { db } = await fresh();
      await subscribe(db, 2);
      sink.keepMessages = true;
      sink.received.length = 0;
      await sendIssue(db, transport, await newIssue(db), { now: () => now });
      sink.keepMessages = false;
      expect(sink.received).toHaveLength(2);
      const store = new SubscriptionStore(db);
      const [one, two] = sink.received.map((r) => r.data);
      const header = /^List-Unsubscribe: <([^>]+)>/im.exec(one ?? "")?.[1] ?? "";
      expect(one).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
      expect(header).toMatch(/^http:\/\/[^/]+\/newsletter\/one-click\?token=/);
      expect(await store.unsubscribe(new URL(header).searchParams.get("token") ?? "", now)).toBe(
        "unsubscribed",
      );
      const footer = /^Unsubscribe: (\S+)/m.exec(two ?? "")?.[1] ?? "";
      expect(footer).toMatch(/\/newsletter\/unsubscribe\?token=/);
      expect(await store.unsubscribe(new URL(footer).searchParams.get("token") ?? "", now)).toBe(
        "unsubscribed",
      );
      expect(one).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    });
  });
}
