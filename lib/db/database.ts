/**
 * The one database handle: SQLite (better-sqlite3) by default, PostgreSQL when DATABASE_URL is set.
 * Opened lazily on first use, never at import (the build imports route modules), and migrated then.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from "kysely";
import pg from "pg";
import { env } from "@/lib/config/env";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type DbOptions = { databaseUrl?: string; sqliteFile?: string };

function dialect(options: DbOptions): Dialect {
  if (options.databaseUrl) {
    return new PostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl, max: 10 }) });
  }
  const file = options.sqliteFile ?? path.join(env.dataDir, "dispatch.sqlite");
  return new SqliteDialect({
    database: async () => {
      mkdirSync(path.dirname(file), { recursive: true });
      const db = new SQLite(file, { timeout: 5000 });
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      return db;
    },
  });
}

export async function openDatabase(options: DbOptions): Promise<Db> {
  const db = new Kysely<Database>({ dialect: dialect(options) });
  const { error, results } = await new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    await db.destroy();
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
  return db;
}

let shared: Promise<Db> | undefined;

/** The process-wide database; a failed open is retried on the next call (the database may come back). */
export function getDb(): Promise<Db> {
  shared ??= openDatabase({ databaseUrl: env.databaseUrl }).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
