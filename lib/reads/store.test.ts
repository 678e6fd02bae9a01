import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, type DbOptions } from "@/lib/db/database";
import { dropPostgres, freshPostgresUrl } from "@/test/postgres";
import { addReads, purgeReads, topReads, totalReads } from "./store";

/** On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (skipped, never passed, without). */
const backends: { name: string; options: () => Promise<DbOptions> }[] = [
  {
    name: "sqlite",
    options: async () => ({
      sqliteFile: path.join(mkdtempSync(path.join(os.tmpdir(), "dispatch-reads-")), "t.sqlite"),
    }),
  },
];
const dropped: string[] = [];
if (process.env.TEST_DATABASE_URL)
  backends.push({
    name: "postgres",
    options: async () => {
      const url = await freshPostgresUrl("reads");
      dropped.push(url);
      return { databaseUrl: url };
    },
  });
else it.skip("story reads on postgres (set TEST_DATABASE_URL)", () => {});
afterAll(async () => {
  for (const url of dropped) await dropPostgres(url);
});

for (const backend of backends) {
  describe(`story reads on ${backend.name}`, () => {
    it("adds batches to what is there, ranks the window's stories and purges old hours", async () => {
      const db: Db = await openDatabase(await backend.options());
      try {
        await addReads(db, [
          { story: "a", hour: "2026-12-04T08", count: 3 },
          { story: "b", hour: "2026-12-04T09", count: 5 },
          { story: "old", hour: "2026-11-20T09", count: 99 },
        ]);
        // A second instance's batch for the same hour adds up.
        await addReads(db, [
          { story: "a", hour: "2026-12-04T08", count: 4 },
          { story: "c", hour: "2026-12-04T09", count: 5 },
        ]);
        expect(await topReads(db, "2026-12-03T10", 10)).toEqual([
          { story: "a", reads: 7 },
          { story: "b", reads: 5 },
          { story: "c", reads: 5 },
        ]);
        expect(await topReads(db, "2026-12-03T10", 1)).toEqual([{ story: "a", reads: 7 }]);
        expect(await totalReads(db)).toBe(116);
        expect(await purgeReads(db, "2026-11-27T09")).toBe(1);
        expect(await totalReads(db)).toBe(17);
        // A large batch goes in several statements, in one transaction.
        await addReads(
          db,
          Array.from({ length: 1_234 }, (_, i) => ({ story: `s-${i}`, hour: "2026-12-04T10", count: 1 })),
        );
        expect(await totalReads(db)).toBe(17 + 1_234);
      } finally {
        await db.destroy();
      }
    });
  });
}
