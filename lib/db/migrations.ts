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
import { PostgresAdapter, sql, type Kysely, type Migration } from "kysely";

export const migrations: Record<string, Migration> = {
  "2026-11-28-001-subscriptions": {
    async up(db: Kysely<unknown>) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
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
};
