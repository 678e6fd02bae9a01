/**
 * The one database handle: SQLite (better-sqlite3) by default, PostgreSQL when DATABASE_URL is set.
 * Opened lazily on first use, never at import (the build imports route modules), and migrated then.
 *
 * Faults while the server runs are answered, not hidden: a failed open is retried on the next call,
 * a lost PostgreSQL connection is logged and replaced by the pool, and an SQLite file that is
 * deleted or replaced under the server is never written through a stale handle (the writes would
 * land in an unlinked file and vanish). Callers turn the errors into "try again later".
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from "kysely";
import pg from "pg";
import { env } from "@/lib/config/env";
import { migrations } from "./migrations";
import type { Database } from "./schema";
import { processSingleton } from "@/lib/runtime/singleton";

export type Db = Kysely<Database>;
export type DbOptions = {
  databaseUrl?: string;
  sqliteFile?: string;
  /** Refuse to create the SQLite file: it existed once, so a missing file is a fault, not a first run. */
  mustExist?: boolean;
};

/** How long an SQLite write waits for another process's lock. better-sqlite3 waits synchronously, so
 * this is time the whole server stands still: keep it short and let the reader try again. */
const SQLITE_BUSY_TIMEOUT_MS = 1000;

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

function defaultSqliteFile(): string {
  return path.join(env.dataDir, "dispatch.sqlite");
}

function dialect(options: DbOptions): Dialect {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // A server that is gone must fail a request in seconds, not hang it.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection dropped by the server (restart, failover) emits here; unhandled, it would
    // crash the process. The pool discards that client and opens a new one on the next query.
    pool.on("error", (error) => console.error("database: PostgreSQL connection lost:", error.message));
    return new PostgresDialect({ pool });
  }
  const file = options.sqliteFile ?? defaultSqliteFile();
  return new SqliteDialect({
    database: async () => {
      if (!options.mustExist) mkdirSync(path.dirname(file), { recursive: true });
      const db = new SQLite(file, {
        timeout: SQLITE_BUSY_TIMEOUT_MS,
        fileMustExist: options.mustExist ?? false,
      });
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      return db;
    },
  });
}

export async function openDatabase(options: DbOptions): Promise<Db> {
  const db = new Kysely<Database>({ dialect: dialect(options) });
  try {
    const { error, results } = await new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
    }).migrateToLatest();
    const failed = results?.find((r) => r.status === "Error");
    if (error || failed) {
      throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
    }
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return db;
}

type Open = { db: Db; identity?: string };

function fileIdentity(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * A lazily opened database that notices when it has gone away and reopens when it comes back.
 * For SQLite, every `get()` checks (one stat) that the file it opened is still the file at its path.
 */
export class DatabaseSource {
  private current: Promise<Open> | undefined;
  private openedOnce = false;

  constructor(private readonly options: DbOptions) {}

  private get sqliteFile(): string | undefined {
    return this.options.databaseUrl ? undefined : (this.options.sqliteFile ?? defaultSqliteFile());
  }

  async get(): Promise<Db> {
    const file = this.sqliteFile;
    const pending = this.current;
    if (pending) {
      const open = await pending;
      if (!file || fileIdentity(file) === open.identity) return open.db;
      // Deleted, moved away or replaced (a restore): never write through the old handle.
      if (this.current === pending) {
        this.current = undefined;
        void open.db.destroy().catch(() => undefined);
      }
      // Another caller is already reopening it.
      if (this.current) return this.get();
    }
    if (file && this.openedOnce && !existsSync(file)) {
      throw new DatabaseUnavailableError(`SQLite database ${file} is missing`);
    }
    const opening = openDatabase({ ...this.options, mustExist: this.openedOnce && Boolean(file) }).then(
      (db) => {
        this.openedOnce = true;
        return { db, identity: file ? fileIdentity(file) : undefined };
      },
    );
    this.current = opening.catch((error: unknown) => {
      this.current = undefined;
      throw error;
    });
    return (await this.current).db;
  }

  async close(): Promise<void> {
    const open = await this.current?.catch(() => undefined);
    this.current = undefined;
    await open?.db.destroy();
  }
}

/**
 * The process-wide database (lib/runtime/singleton.ts says why one per process, not per bundle): one SQLite connection (Kysely queues its
 * users) means a write from one route never busy-waits, synchronously, on another route's open
 * transaction; one PostgreSQL pool means one connection limit.
 */
export function getDb(): Promise<Db> {
  return processSingleton("db.source", () => new DatabaseSource({ databaseUrl: env.databaseUrl })).get();
}
