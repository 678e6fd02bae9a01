/**
 * Deliveries in the database: one row per (issue, subscriber), claimed in batches under a
 * status lock, so a sender that crashes is resumed and two senders never send the same row.
 *
 * A row goes queued → claimed (a batch, by one sender) → sending (that one message is on the wire)
 * → sent | failed | skipped, or back to queued with a later next_attempt_at after a temporary
 * failure. When a sender dies, its "claimed" rows were never tried and go back to the queue; a row
 * in "sending" is never sent again (the server may have accepted it just before the crash) and
 * becomes "unknown", reported. A sender on this machine is known dead at once (its pid is gone); one
 * elsewhere after its lease.
 */
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Db } from "@/lib/db/database";
import type { Database, DeliveryStatus } from "@/lib/db/schema";
import { confirmedOf } from "./issues";
import { isPostgres } from "@/lib/db/dialect";

/** Longer than a batch can take to send (SMTP timeouts: 15 + 15 + 20 s a message), so a live
 * sender's rows are never taken. */
const LEASE_MS = 5 * 60 * 1000;
/** Permanent failures (5xx) after which an address is suppressed from every list. */
const SUPPRESS_AFTER = 2;

export type Claimed = {
  subscription_id: number;
  attempts: number;
  email: string;
  status: string;
  lists: string;
  suppressed_at: string | null;
};

export type DeliveryCounts = Record<DeliveryStatus, number>;

export class DeliveryStore {
  constructor(private readonly db: Db) {}

  private get postgres(): boolean {
    return isPostgres(this.db);
  }

  /**
   * Adds a row for each confirmed, unsuppressed subscriber of the list, a page at a time (never all
   * subscribers in memory). Rows that exist are left alone, so a resumed or second sender adds nothing twice.
   */
  async enqueue(issueId: number, listId: string, now: Date, pageSize = 1000): Promise<number> {
    const stamp = now.toISOString();
    let after = 0;
    let added = 0;
    for (;;) {
      const page = await this.db
        .selectFrom("subscriptions")
        .select("id")
        .where(confirmedOf(listId))
        .where("id", ">", after)
        .orderBy("id")
        .limit(pageSize)
        .execute();
      if (page.length === 0) return added;
      after = page.at(-1)?.id ?? after;
      const result = await this.db
        .insertInto("newsletter_deliveries")
        .values(
          page.map((s) => ({
            issue_id: issueId,
            subscription_id: s.id,
            status: "queued",
            attempts: 0,
            next_attempt_at: stamp,
            updated_at: stamp,
          })),
        )
        .onConflict((oc) => oc.columns(["issue_id", "subscription_id"]).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  }

  /**
   * Releases what dead senders held: "claimed" rows go back to the queue, "sending" rows become
   * "unknown" (never resent). A sender is dead when `dead(sender)` says so, or its lease has run out.
   * Returns how many rows became unknown.
   */
  async recover(issueId: number, dead: (sender: string) => boolean, now: Date): Promise<number> {
    const stamp = now.toISOString();
    const expired = new Date(now.getTime() - LEASE_MS).toISOString();
    const holders = await this.db
      .selectFrom("newsletter_deliveries")
      .select("claimed_by")
      .distinct()
      .where("issue_id", "=", issueId)
      .where("status", "in", ["claimed", "sending"])
      .execute();
    const gone = holders.map((h) => h.claimed_by ?? "").filter((s) => s && dead(s));
    const abandoned = (eb: ExpressionBuilder<Database, "newsletter_deliveries">) =>
      eb.or([eb("claimed_at", "<", expired), ...(gone.length > 0 ? [eb("claimed_by", "in", gone)] : [])]);
    await this.db
      .updateTable("newsletter_deliveries")
      .set({ status: "queued", claimed_by: null, claimed_at: null, updated_at: stamp })
      .where("issue_id", "=", issueId)
      .where("status", "=", "claimed")
      .where(abandoned)
      .execute();
    const unknown = await this.db
      .updateTable("newsletter_deliveries")
      .set({ status: "unknown", updated_at: stamp, error: "the sender stopped while sending; not resent" })
      .where("issue_id", "=", issueId)
      .where("status", "=", "sending")
      .where(abandoned)
      .executeTakeFirst();
    return Number(unknown.numUpdatedRows);
  }

  /** Marks one claimed row as on the wire, just before it is sent; false if this sender lost it. */
  async startSending(issueId: number, subscriptionId: number, sender: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("newsletter_deliveries")
      .set({ status: "sending", claimed_at: now.toISOString(), updated_at: now.toISOString() })
      .where("issue_id", "=", issueId)
      .where("subscription_id", "=", subscriptionId)
      .where("status", "=", "claimed")
      .where("claimed_by", "=", sender)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Claims up to `size` due rows for this sender: one UPDATE whose WHERE re-checks the status, so a row
   * another sender claimed first is not taken (PostgreSQL also skips rows locked by another claim).
   */
  async claim(issueId: number, sender: string, size: number, now: Date): Promise<Claimed[]> {
    const stamp = now.toISOString();
    const due = this.db
      .selectFrom("newsletter_deliveries")
      .select("subscription_id")
      .where("issue_id", "=", issueId)
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", stamp)
      .orderBy("subscription_id")
      .limit(size);
    const claimed = await this.db
      .updateTable("newsletter_deliveries")
      .set({ status: "claimed", claimed_by: sender, claimed_at: stamp, updated_at: stamp })
      .where("issue_id", "=", issueId)
      .where("status", "=", "queued")
      // On PostgreSQL, `IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` may run its subquery again for
      // rows that other connections just updated (the sender's own workers), so one claim took
      // thousands of rows and a Ctrl-C waited for all of them. `= ANY(ARRAY(…))` runs it once.
      .where(
        this.postgres
          ? sql<SqlBool>`subscription_id = any(array(${due.forUpdate().skipLocked()}))`
          : sql<SqlBool>`subscription_id in (${due})`,
      )
      .returning(["subscription_id", "attempts"])
      .execute();
    if (claimed.length === 0) return [];
    const people = await this.db
      .selectFrom("subscriptions")
      .select(["id", "email", "status", "lists", "suppressed_at"])
      .where(
        "id",
        "in",
        claimed.map((c) => c.subscription_id),
      )
      .execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    return claimed.map((c) => {
      const p = byId.get(c.subscription_id);
      return {
        subscription_id: c.subscription_id,
        attempts: c.attempts,
        email: p?.email ?? "",
        status: p?.status ?? "unsubscribed",
        lists: p?.lists ?? "",
        suppressed_at: p?.suppressed_at ?? null,
      };
    });
  }

  async finish(
    issueId: number,
    subscriptionId: number,
    sender: string,
    outcome:
      | { status: "sent"; messageId: string }
      | { status: "skipped" | "failed"; error: string }
      | { status: "queued"; error: string; retryAt: Date },
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable("newsletter_deliveries")
      .set({
        status: outcome.status,
        updated_at: now.toISOString(),
        message_id: outcome.status === "sent" ? outcome.messageId : null,
        error: outcome.status === "sent" ? null : outcome.error.slice(0, 500),
        ...(outcome.status === "queued"
          ? { next_attempt_at: outcome.retryAt.toISOString(), attempts: sql<number>`attempts + 1` }
          : {}),
      })
      .where("issue_id", "=", issueId)
      .where("subscription_id", "=", subscriptionId)
      .where("status", "in", ["claimed", "sending"])
      .where("claimed_by", "=", sender)
      .execute();
  }

  /** Counts one permanent failure for an address; true when it is now suppressed. */
  async bounce(subscriptionId: number, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable("subscriptions")
      .set((eb) => ({ hard_bounces: eb("hard_bounces", "+", 1), updated_at: now.toISOString() }))
      .where("id", "=", subscriptionId)
      .returning(["hard_bounces", "suppressed_at"])
      .executeTakeFirst();
    if (!row || row.hard_bounces < SUPPRESS_AFTER || row.suppressed_at) return false;
    await this.db
      .updateTable("subscriptions")
      .set({ suppressed_at: now.toISOString() })
      .where("id", "=", subscriptionId)
      .execute();
    return true;
  }

  /** When the next queued row is due, or undefined when none is queued. */
  async nextDue(issueId: number): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom("newsletter_deliveries")
      .select((eb) => eb.fn.min("next_attempt_at").as("next"))
      .where("issue_id", "=", issueId)
      .where("status", "=", "queued")
      .executeTakeFirst();
    return row?.next ? new Date(row.next) : undefined;
  }

  async counts(issueId: number): Promise<DeliveryCounts> {
    const rows = await this.db
      .selectFrom("newsletter_deliveries")
      .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
      .where("issue_id", "=", issueId)
      .groupBy("status")
      .execute();
    const counts: DeliveryCounts = {
      queued: 0,
      claimed: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      skipped: 0,
      unknown: 0,
    };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }
}
