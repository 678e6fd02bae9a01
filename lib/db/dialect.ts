import { PostgresAdapter } from "kysely";

/** Whether a database is PostgreSQL (else SQLite): the few statements that differ ask this. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
