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
