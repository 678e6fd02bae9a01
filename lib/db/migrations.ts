/**
 * Versioned migrations, applied in order at start-up (Kysely's Migrator records them in
 * kysely_migration). Never edit a released migration's effect: add the next one.
 *
 * Each migration is idempotent: Kysely runs SQLite migrations outside a transaction (its SQLite
 * adapter has no transactional DDL), so a crash between two statements left some tables made and the
 * migration unrecorded, and every later start failed with "table already exists". Re-running one now
 * finishes what is missing. (On PostgreSQL the migrator's transaction makes each one atomic anyway.)
 */
import { randomBytes } from "node:crypto";
import { sql, type Kysely, type Migration } from "kysely";
import { isPostgres } from "./dialect";

export const migrations: Record<string, Migration> = {
  "2026-11-28-001-subscriptions": {
    async up(db: Kysely<unknown>) {
      const postgres = isPostgres(db);
      await db.schema
        .createTable("subscriptions")
        .ifNotExists()
        // SQLite's "integer primary key" is the auto-assigned rowid.
        .addColumn("id", postgres ? "serial" : "integer", (c) => c.primaryKey())
        .addColumn("email", "varchar(254)", (c) => c.notNull().unique())
        .addColumn("lists", "varchar(500)", (c) => c.notNull())
        .addColumn("status", "varchar(20)", (c) => c.notNull())
        .addColumn("confirm_token_hash", "varchar(64)", (c) => c.unique())
        .addColumn("expires_at", "varchar(40)")
        .addColumn("last_sent_at", "varchar(40)")
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
        .addColumn("confirmed_at", "varchar(40)")
        .execute();
      await db.schema
        .createTable("rate_limits")
        .ifNotExists()
        .addColumn("key", "varchar(100)", (c) => c.primaryKey())
        .addColumn("window_start", "varchar(40)", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("settings")
        .ifNotExists()
        .addColumn("name", "varchar(100)", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      // The key that signs unsubscribe links: made once, shared by every instance through the database.
      await sql`insert into settings (name, value) values ('unsubscribe_key', ${randomBytes(32).toString("base64url")})
        on conflict (name) do nothing`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("settings").execute();
      await db.schema.dropTable("rate_limits").execute();
      await db.schema.dropTable("subscriptions").execute();
    },
  },
  "2026-11-29-002-newsletter-sending": {
    async up(db: Kysely<unknown>) {
      const postgres = isPostgres(db);
      await db.schema
        .createTable("newsletter_issues")
        .ifNotExists()
        .addColumn("id", postgres ? "serial" : "integer", (c) => c.primaryKey())
        // "morning-brief/2026-11-29" or "breaking-news/{slug}": one issue per key, ever.
        .addColumn("issue_key", "varchar(300)", (c) => c.notNull().unique())
        .addColumn("list_id", "varchar(100)", (c) => c.notNull())
        .addColumn("subject", "varchar(500)", (c) => c.notNull())
        // The rendered email, with UNSUBSCRIBE_PLACEHOLDER where each recipient's link goes.
        .addColumn("html", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("story_count", "integer", (c) => c.notNull())
        .addColumn("window_start", "varchar(40)", (c) => c.notNull())
        .addColumn("window_end", "varchar(40)", (c) => c.notNull())
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("newsletter_deliveries")
        .ifNotExists()
        .addColumn("issue_id", "integer", (c) => c.notNull())
        .addColumn("subscription_id", "integer", (c) => c.notNull())
        // queued → claimed → sending → sent | failed | skipped | unknown (lib/newsletter/deliveries.ts)
        .addColumn("status", "varchar(20)", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", "varchar(40)", (c) => c.notNull())
        .addColumn("claimed_by", "varchar(100)")
        .addColumn("claimed_at", "varchar(40)")
        .addColumn("message_id", "varchar(300)")
        .addColumn("error", "varchar(500)")
        .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
        .addPrimaryKeyConstraint("newsletter_deliveries_pk", ["issue_id", "subscription_id"])
        .execute();
      await db.schema
        .createIndex("newsletter_deliveries_claim")
        .ifNotExists()
        .on("newsletter_deliveries")
        .columns(["issue_id", "status", "next_attempt_at"])
        .execute();
      for (const [column, type] of [
        ["hard_bounces", "integer"],
        ["suppressed_at", "varchar(40)"],
      ] as const) {
        // ifNotExists for columns: SQLite has none, so ask first (the migration must re-run safely).
        const has = await hasColumn(db, "subscriptions", column, postgres);
        if (!has)
          await db.schema
            .alterTable("subscriptions")
            .addColumn(column, type, (c) => (column === "hard_bounces" ? c.notNull().defaultTo(0) : c))
            .execute();
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("newsletter_deliveries").execute();
      await db.schema.dropTable("newsletter_issues").execute();
    },
  },
  "2026-12-04-003-story-reads": {
    // Reads per story per hour (lib/reads): counts only, no address, no cookie. Kept a week.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_reads")
        .ifNotExists()
        .addColumn("story", "varchar(200)", (c) => c.notNull())
        // The hour it began, UTC: "2026-12-04T09".
        .addColumn("hour", "varchar(13)", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_reads_pk", ["story", "hour"])
        .execute();
      await db.schema
        .createIndex("story_reads_hour")
        .ifNotExists()
        .on("story_reads")
        .column("hour")
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("story_reads").execute();
    },
  },
};

/** Whether a table has a column (SQLite has no "add column if not exists"). */
async function hasColumn(
  db: Kysely<unknown>,
  table: string,
  column: string,
  postgres: boolean,
): Promise<boolean> {
  const rows = postgres
    ? await sql<{ name: string }>`select column_name as name from information_schema.columns
        where table_name = ${table} and column_name = ${column}`.execute(db)
    : await sql<{
        name: string;
      }>`select name from pragma_table_info(${table}) where name = ${column}`.execute(db);
  return rows.rows.length > 0;
}
