/**
 * Subscriptions and rate limits in the database. Every change is one conditional statement or one
 * transaction, so concurrent signups, confirmations and unsubscribes leave consistent rows on SQLite
 * and on PostgreSQL alike.
 */
import type { Db } from "@/lib/db/database";
import type { SubscriptionStatus } from "@/lib/db/schema";
import {
  checkUnsubscribeToken,
  hashToken,
  newToken,
  readUnsubscribeKey,
  unsubscribeToken,
  unsubscribeTokenId,
} from "./tokens";
import { isPostgres } from "@/lib/db/dialect";

export const PENDING_TTL_MS = 48 * 60 * 60 * 1000;
/** Another signup for the same address within this time sends no second email. */
export const RESEND_AFTER_MS = 10 * 60 * 1000;
/** Longer than the longest rate-limit window (an hour). */
export const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type SignupOutcome =
  /** Send this email now (a confirmation link, or a note that the address is already subscribed). */
  | { kind: "send"; id: number; email: string; confirmToken?: string; unsubscribeToken: string }
  /** An email went out moments ago: send nothing more. */
  | { kind: "already-sent" };

export class SubscriptionStore {
  constructor(private readonly db: Db) {}

  /** Counts one attempt for a key; false when the key has used up its attempts in this window. */
  async allow(key: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
    const stamp = now.toISOString();
    const windowOpen = new Date(now.getTime() - windowMs).toISOString();
    const row = await this.db
      .insertInto("rate_limits")
      .values({ key, window_start: stamp, count: 1 })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({
          count: eb
            .case()
            .when("rate_limits.window_start", "<", windowOpen)
            .then(1)
            .else(eb("rate_limits.count", "+", 1))
            .end(),
          window_start: eb
            .case()
            .when("rate_limits.window_start", "<", windowOpen)
            .then(stamp)
            .else(eb.ref("rate_limits.window_start"))
            .end(),
        })),
      )
      .returning("count")
      .executeTakeFirstOrThrow();
    return Number(row.count) <= limit;
  }

  async signup(email: string, lists: string[], now: Date): Promise<SignupOutcome> {
    const stamp = now.toISOString();
    const key = await this.unsubscribeKey();
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("subscriptions")
        .values({ email, lists: lists.join(","), status: "pending", created_at: stamp, updated_at: stamp })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
      let query = trx.selectFrom("subscriptions").selectAll().where("email", "=", email);
      if (this.postgres) query = query.forUpdate();
      const row = await query.executeTakeFirstOrThrow();

      const sentRecently =
        row.last_sent_at !== null && now.getTime() - Date.parse(row.last_sent_at) < RESEND_AFTER_MS;
      if (sentRecently) return { kind: "already-sent" as const };

      const unsubscribe = unsubscribeToken(key, row.id, email);
      if (row.status === "confirmed") {
        // Tell the owner, not the form: the reply on the page is the same either way.
        await trx
          .updateTable("subscriptions")
          .set({ last_sent_at: stamp })
          .where("id", "=", row.id)
          .execute();
        return { kind: "send" as const, id: row.id, email, unsubscribeToken: unsubscribe };
      }
      const token = newToken();
      await trx
        .updateTable("subscriptions")
        .set({
          status: "pending",
          lists: lists.join(","),
          confirm_token_hash: hashToken(token),
          expires_at: new Date(now.getTime() + PENDING_TTL_MS).toISOString(),
          last_sent_at: stamp,
          updated_at: stamp,
        })
        .where("id", "=", row.id)
        .execute();
      return { kind: "send" as const, id: row.id, email, confirmToken: token, unsubscribeToken: unsubscribe };
    });
  }

  /**
   * Deletes pending signups whose confirmation link has expired (never confirmed: nothing a reader
   * wanted is lost, and they can sign up again) and rate-limit rows older than any window.
   */
  async purgeExpired(now: Date): Promise<{ pending: number; rateLimits: number }> {
    const pending = await this.db
      .deleteFrom("subscriptions")
      .where("status", "=", "pending")
      .where("expires_at", "<", now.toISOString())
      .executeTakeFirst();
    const rateLimits = await this.db
      .deleteFrom("rate_limits")
      .where("window_start", "<", new Date(now.getTime() - RATE_LIMIT_RETENTION_MS).toISOString())
      .executeTakeFirst();
    return { pending: Number(pending.numDeletedRows), rateLimits: Number(rateLimits.numDeletedRows) };
  }

  /** The email could not be handed to the transport: keep the signup, let the next attempt send again. */
  async markNotSent(id: number): Promise<void> {
    await this.db.updateTable("subscriptions").set({ last_sent_at: null }).where("id", "=", id).execute();
  }

  async confirm(token: string, now: Date): Promise<"confirmed" | "invalid"> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return "invalid";
    const stamp = now.toISOString();
    const result = await this.db
      .updateTable("subscriptions")
      .set({
        status: "confirmed",
        confirm_token_hash: null,
        expires_at: null,
        confirmed_at: stamp,
        updated_at: stamp,
      })
      .where("confirm_token_hash", "=", hashToken(token))
      .where("status", "=", "pending")
      .where("expires_at", ">", stamp)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? "confirmed" : "invalid";
  }

  async unsubscribe(token: string, now: Date): Promise<"unsubscribed" | "invalid"> {
    const id = unsubscribeTokenId(token);
    if (id === undefined) return "invalid";
    const row = await this.db
      .selectFrom("subscriptions")
      .select(["id", "email"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row || !checkUnsubscribeToken(await this.unsubscribeKey(), token, row.id, row.email))
      return "invalid";
    await this.db
      .updateTable("subscriptions")
      .set({
        status: "unsubscribed",
        confirm_token_hash: null,
        expires_at: null,
        updated_at: now.toISOString(),
      })
      .where("id", "=", row.id)
      .execute();
    return "unsubscribed";
  }

  async statusOf(email: string): Promise<SubscriptionStatus | undefined> {
    const row = await this.db
      .selectFrom("subscriptions")
      .select("status")
      .where("email", "=", email)
      .executeTakeFirst();
    return row?.status;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("subscriptions")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private get postgres(): boolean {
    return isPostgres(this.db);
  }

  private keyCache: Promise<string> | undefined;

  private unsubscribeKey(): Promise<string> {
    this.keyCache ??= readUnsubscribeKey(this.db).catch((error: unknown) => {
      this.keyCache = undefined;
      throw error;
    });
    return this.keyCache;
  }
}
