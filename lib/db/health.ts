/**
 * Can the server take a signup right now? One small write proves the database is there, writable
 * and not locked by another process; reads alone would pass on a read-only or locked SQLite file.
 */
import { getDb, type Db } from "./database";

export type Health = { ok: true } | { ok: false; reason: string };

export async function checkDatabase(get: () => Promise<Db> = getDb, now = new Date()): Promise<Health> {
  try {
    const stamp = now.toISOString();
    await (
      await get()
    )
      .insertInto("settings")
      .values({ name: "health_checked_at", value: stamp })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value: stamp }))
      .execute();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `checkDatabase`, at most once per `ttlMs`: /health is public and uncached, and one write per request
 * would let anyone queue write load behind signups on SQLite. Callers arriving while a check runs
 * share it; a result is reused for `ttlMs` (a failure too, so a broken database is not hammered).
 */
export function cachedHealthCheck(check: () => Promise<Health>, ttlMs = 5_000, clock = Date.now) {
  let last: { at: number; result: Promise<Health> } | undefined;
  return (): Promise<Health> => {
    const now = clock();
    if (!last || now - last.at >= ttlMs) last = { at: now, result: check() };
    return last.result;
  };
}
