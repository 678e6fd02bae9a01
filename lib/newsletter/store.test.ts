import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db, type DbOptions } from "@/lib/db/database";
import { PENDING_TTL_MS, RATE_LIMIT_RETENTION_MS, RESEND_AFTER_MS, SubscriptionStore } from "./store";

/**
 * Every storage test runs on SQLite and on PostgreSQL. CI (and test/with-postgres.sh) provides
 * TEST_DATABASE_URL; without it the PostgreSQL half is reported as skipped, never as passed.
 */
const backends: { name: string; options: () => DbOptions }[] = [
  {
    name: "sqlite",
    options: () => ({
      sqliteFile: path.join(mkdtempSync(path.join(os.tmpdir(), "dispatch-db-")), "t.sqlite"),
    }),
  },
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) backends.push({ name: "postgres", options: () => ({ databaseUrl: pgUrl }) });
else
  it.skip("postgres storage tests (set TEST_DATABASE_URL, or run npm test with PostgreSQL installed)", () => {});

const now = new Date("2026-11-28T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

for (const backend of backends) {
  describe(`subscription store on ${backend.name}`, () => {
    const opened: Db[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((db) => db.destroy()));
    });

    async function fresh(options = backend.options()) {
      const db = await openDatabase(options);
      opened.push(db);
      await db.deleteFrom("subscriptions").execute();
      await db.deleteFrom("rate_limits").execute();
      return { db, store: new SubscriptionStore(db), options };
    }

    it("stores a pending signup with a hashed token, and confirms it once", async () => {
      const { db, store } = await fresh();
      const outcome = await store.signup("reader@example.com", ["morning-brief"], now);
      if (outcome.kind !== "send" || !outcome.confirmToken)
        throw new Error("expected a confirmation to send");
      const row = await db.selectFrom("subscriptions").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ email: "reader@example.com", status: "pending", lists: "morning-brief" });
      expect(row.confirm_token_hash).not.toContain(outcome.confirmToken);
      expect(await store.confirm(outcome.confirmToken, later(1000))).toBe("confirmed");
      expect(await store.confirm(outcome.confirmToken, later(2000))).toBe("invalid");
      expect(await store.statusOf("reader@example.com")).toBe("confirmed");
    });

    it("refuses expired, unknown and malformed confirmation tokens", async () => {
      const { store } = await fresh();
      const outcome = await store.signup("late@example.com", ["morning-brief"], now);
      if (outcome.kind !== "send" || !outcome.confirmToken) throw new Error("expected a confirmation");
      expect(await store.confirm(outcome.confirmToken, later(PENDING_TTL_MS + 1))).toBe("invalid");
      expect(await store.confirm("x".repeat(43), now)).toBe("invalid");
      expect(await store.confirm("'; drop table subscriptions; --", now)).toBe("invalid");
      expect(await store.count()).toBe(1);
    });

    it("does not email the same address twice within minutes, and again after", async () => {
      const { store } = await fresh();
      expect((await store.signup("a@example.com", ["morning-brief"], now)).kind).toBe("send");
      expect((await store.signup("a@example.com", ["breaking-news"], later(60_000))).kind).toBe(
        "already-sent",
      );
      expect((await store.signup("a@example.com", ["breaking-news"], later(RESEND_AFTER_MS + 1))).kind).toBe(
        "send",
      );
      expect(await store.count()).toBe(1);
    });

    it("tells a confirmed subscriber by email without a new confirmation", async () => {
      const { store } = await fresh();
      const first = await store.signup("c@example.com", ["morning-brief"], now);
      if (first.kind !== "send" || !first.confirmToken) throw new Error("expected a confirmation");
      await store.confirm(first.confirmToken, now);
      const again = await store.signup("c@example.com", ["morning-brief"], later(RESEND_AFTER_MS + 1));
      expect(again).toEqual({
        kind: "send",
        id: first.id,
        email: "c@example.com",
        unsubscribeToken: first.unsubscribeToken,
      });
      expect(await store.statusOf("c@example.com")).toBe("confirmed");
    });

    it("keeps a signup whose email failed, and sends on the next try", async () => {
      const { store } = await fresh();
      const first = await store.signup("f@example.com", ["morning-brief"], now);
      if (first.kind !== "send") throw new Error("expected a send");
      await store.markNotSent(first.id);
      expect((await store.signup("f@example.com", ["morning-brief"], later(1000))).kind).toBe("send");
      expect(await store.statusOf("f@example.com")).toBe("pending");
    });

    it("unsubscribes with a signed token, and refuses a forged one", async () => {
      const { store } = await fresh();
      const first = await store.signup("u@example.com", ["morning-brief"], now);
      if (first.kind !== "send") throw new Error("expected a send");
      const [id, mac = ""] = first.unsubscribeToken.split(".");
      expect(await store.unsubscribe(`${id}.${mac.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`, now)).toBe(
        "invalid",
      );
      expect(await store.unsubscribe(`${Number(id) + 1}.${mac}`, now)).toBe("invalid");
      expect(await store.unsubscribe(first.unsubscribeToken, now)).toBe("unsubscribed");
      expect(await store.statusOf("u@example.com")).toBe("unsubscribed");
      expect((await store.signup("u@example.com", ["morning-brief"], later(RESEND_AFTER_MS + 1))).kind).toBe(
        "send",
      );
      expect(await store.statusOf("u@example.com")).toBe("pending");
    });

    it("answers 'invalid', never an error, for any malformed unsubscribe token", async () => {
      const { store } = await fresh();
      await store.signup("u@example.com", ["morning-brief"], now);
      const mac = "A".repeat(43);
      for (const id of ["999999999999", "2147483648", "0", "-1", "1e5", "01", " 1", "１"]) {
        expect(await store.unsubscribe(`${id}.${mac}`, now), id).toBe("invalid");
      }
      expect(await store.unsubscribe("", now)).toBe("invalid");
      expect(await store.unsubscribe(".".repeat(200), now)).toBe("invalid");
    });

    it("purges expired pending signups and spent rate-limit rows, and nothing else", async () => {
      const { store } = await fresh();
      await store.signup("stale@example.com", ["morning-brief"], now);
      const kept = await store.signup("kept@example.com", ["morning-brief"], now);
      if (kept.kind !== "send" || !kept.confirmToken) throw new Error("expected a confirmation");
      expect(await store.confirm(kept.confirmToken, now)).toBe("confirmed");
      await store.allow("ip:old", 10, 60_000, now);
      const muchLater = later(PENDING_TTL_MS + RATE_LIMIT_RETENTION_MS);
      await store.signup("fresh@example.com", ["morning-brief"], muchLater);
      await store.allow("ip:new", 10, 60_000, muchLater);

      expect(await store.purgeExpired(muchLater)).toEqual({ pending: 1, rateLimits: 1 });
      expect(await store.statusOf("stale@example.com")).toBeUndefined();
      expect(await store.statusOf("kept@example.com")).toBe("confirmed");
      expect(await store.statusOf("fresh@example.com")).toBe("pending");
      expect(await store.purgeExpired(muchLater)).toEqual({ pending: 0, rateLimits: 0 });
    });

    it("stores exactly 500 rows for 500 concurrent distinct signups", async () => {
      const { store } = await fresh();
      const outcomes = await Promise.all(
        Array.from({ length: 500 }, (_, i) => store.signup(`reader${i}@example.com`, ["morning-brief"], now)),
      );
      expect(outcomes.every((o) => o.kind === "send")).toBe(true);
      expect(await store.count()).toBe(500);
    });

    it("stores one row and sends one email for 50 concurrent signups of one address", async () => {
      const { store } = await fresh();
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () => store.signup("same@example.com", ["morning-brief"], now)),
      );
      expect(outcomes.filter((o) => o.kind === "send")).toHaveLength(1);
      expect(await store.count()).toBe(1);
    });

    it("leaves a consistent row when a confirmation races an unsubscribe", async () => {
      const { store } = await fresh();
      for (let i = 0; i < 10; i++) {
        const email = `race${i}@example.com`;
        const s = await store.signup(email, ["morning-brief"], now);
        if (s.kind !== "send" || !s.confirmToken) throw new Error("expected a confirmation");
        const [confirmed, unsubscribed] = await Promise.all([
          store.confirm(s.confirmToken, now),
          store.unsubscribe(s.unsubscribeToken, now),
        ]);
        expect(unsubscribed).toBe("unsubscribed");
        expect(["confirmed", "invalid"]).toContain(confirmed);
        // Whatever the order, the reader's last word stands: unsubscribed, with no live token.
        expect(await store.statusOf(email)).toBe("unsubscribed");
        expect(await store.confirm(s.confirmToken, now)).toBe("invalid");
      }
    });

    it("loses nothing confirmed across a restart", async () => {
      const { db, store, options } = await fresh();
      const s = await store.signup("keep@example.com", ["evening-brief"], now);
      if (s.kind !== "send" || !s.confirmToken) throw new Error("expected a confirmation");
      await store.confirm(s.confirmToken, now);
      await db.destroy();
      opened.splice(opened.indexOf(db), 1);
      const reopened = await openDatabase(options);
      opened.push(reopened);
      expect(await new SubscriptionStore(reopened).statusOf("keep@example.com")).toBe("confirmed");
    });

    it("rate-limits per key within a window, and forgets after it", async () => {
      const { store } = await fresh();
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await store.allow("ip:test", 3, 60_000, later(i)));
      expect(results).toEqual([true, true, true, false]);
      expect(await store.allow("ip:other", 3, 60_000, now)).toBe(true);
      expect(await store.allow("ip:test", 3, 60_000, later(60_001))).toBe(true);
    });

    it("counts concurrent attempts exactly", async () => {
      const { store } = await fresh();
      const results = await Promise.all(
        Array.from({ length: 40 }, () => store.allow("ip:burst", 25, 60_000, now)),
      );
      expect(results.filter(Boolean)).toHaveLength(25);
    });
  });
}
