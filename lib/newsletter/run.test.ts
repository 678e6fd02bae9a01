import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { openDatabase, type Db } from "@/lib/db/database";
import { createBulkTransport } from "./bulk-transport";
import { runNewsletter } from "./run";

const now = new Date("2026-11-29T06:05:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const opened: Db[] = [];
afterEach(async () => Promise.all(opened.splice(0).map((db) => db.destroy())));

async function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-run-"));
  const db = await openDatabase({ sqliteFile: path.join(dir, "t.sqlite") });
  opened.push(db);
  const stamp = now.toISOString();
  await db
    .insertInto("subscriptions")
    .values({
      email: "a@example.com",
      lists: "breaking-news",
      status: "confirmed",
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  const outbox = path.join(dir, "outbox");
  const deps = {
    db,
    transport: createBulkTransport({
      outboxDir: outbox,
      from: "x@example.com",
      maxConnections: 1,
      ratePerSecond: 100,
    }),
    previewDir: path.join(dir, "previews"),
    log: () => undefined,
  };
  return { deps, outbox };
}

describe("breaking news", () => {
  const recent = makeArticle({ slug: "recent", breaking: true, published: hoursAgo(1) });
  const old = makeArticle({ slug: "old", breaking: true, published: hoursAgo(30) });
  const plain = makeArticle({ slug: "plain", published: hoursAgo(1) });

  it("sends each recent story marked breaking once, and never the archive's", async () => {
    const { deps, outbox } = await setup();
    const articles = [recent, plain, old];
    const first = await runNewsletter({ ...deps, articles }, { list: "breaking-news", now });
    expect(first.map((r) => [r.issue, r.sent])).toEqual([["breaking-news/recent", 1]]);
    const again = await runNewsletter({ ...deps, articles }, { list: "breaking-news", now });
    expect(again.map((r) => [r.issue, r.sent])).toEqual([["breaking-news/recent", 0]]);
    expect(readdirSync(outbox)).toHaveLength(1);
  });

  it("sends a story named with --story even when it is not marked or recent", async () => {
    const { deps } = await setup();
    const reports = await runNewsletter(
      { ...deps, articles: [recent, plain, old] },
      { list: "breaking-news", story: "plain", now },
    );
    expect(reports.map((r) => [r.issue, r.sent])).toEqual([["breaking-news/plain", 1]]);
  });
});
