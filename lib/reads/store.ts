/**
 * Reads per story per hour in the site's database (SQLite or PostgreSQL): written in batches, each
 * batch one transaction of upserts that add to what is there, so several instances' counts add up.
 */
import type { Db } from "@/lib/db/database";

export type HourlyReads = { story: string; hour: string; count: number };

/** Rows per statement (3 values each, well inside SQLite's and PostgreSQL's parameter limits). */
const ROWS_PER_STATEMENT = 500;

export async function addReads(db: Db, unsorted: readonly HourlyReads[]): Promise<void> {
  if (unsorted.length === 0) return;
  // In one order on every instance: two instances' batches locking the same rows in opposite orders
  // deadlocked on PostgreSQL (29 of 60 batches of 800 rows, in review).
  const rows = [...unsorted].sort((a, b) =>
    a.story < b.story ? -1 : a.story > b.story ? 1 : a.hour < b.hour ? -1 : a.hour > b.hour ? 1 : 0,
  );
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await tx
        .insertInto("story_reads")
        .values(rows.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict((oc) =>
          oc.columns(["story", "hour"]).doUpdateSet((eb) => ({
            count: eb("story_reads.count", "+", eb.ref("excluded.count")),
          })),
        )
        .execute();
    }
  });
}

/** The most read stories since `sinceHour` (inclusive), most first, then by name for a stable order. */
export async function topReads(
  db: Db,
  sinceHour: string,
  limit: number,
): Promise<{ story: string; reads: number }[]> {
  const rows = await db
    .selectFrom("story_reads")
    .select((eb) => ["story", eb.fn.sum<number | string | bigint>("count").as("reads")])
    .where("hour", ">=", sinceHour)
    .groupBy("story")
    .orderBy("reads", "desc")
    .orderBy("story")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ story: r.story, reads: Number(r.reads) }));
}

/** Every read counted for a story (tests and the bench compare it with the beacons accepted). */
export async function totalReads(db: Db): Promise<number> {
  const row = await db
    .selectFrom("story_reads")
    .select((eb) => eb.fn.sum<number | string | bigint | null>("count").as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Forgets hours before `beforeHour`; returns how many rows went. */
export async function purgeReads(db: Db, beforeHour: string): Promise<number> {
  const result = await db.deleteFrom("story_reads").where("hour", "<", beforeHour).executeTakeFirst();
  return Number(result.numDeletedRows);
}
