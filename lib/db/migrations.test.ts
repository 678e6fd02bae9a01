import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./database";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tables(file: string): string[] {
  const db = new SQLite(file, { readonly: true });
  try {
    const rows: unknown[] = db
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all();
    return rows.flatMap((r) => (r && typeof r === "object" && "name" in r ? [String(r.name)] : []));
  } finally {
    db.close();
  }
}

describe("the first migration on SQLite", () => {
  it("finishes after a crash between its statements instead of failing every later start", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-migrate-"));
    dirs.push(dir);
    const file = path.join(dir, "dispatch.sqlite");
    // What a crash right after the first createTable leaves: one table, nothing recorded.
    const partial = new SQLite(file);
    partial.exec(
      "create table subscriptions (id integer primary key, email varchar(254) not null unique, lists varchar(500) not null, status varchar(20) not null, confirm_token_hash varchar(64) unique, expires_at varchar(40), last_sent_at varchar(40), created_at varchar(40) not null, updated_at varchar(40) not null, confirmed_at varchar(40))",
    );
    partial.close();

    const db = await openDatabase({ sqliteFile: file });
    await db.destroy();
    expect(tables(file)).toEqual(
      expect.arrayContaining(["subscriptions", "rate_limits", "settings", "kysely_migration"]),
    );
    // And a restart after that is as quiet as any other.
    await (await openDatabase({ sqliteFile: file })).destroy();
    const check = new SQLite(file, { readonly: true });
    const key: unknown = check
      .prepare("select count(*) as n from settings where name = 'unsubscribe_key'")
      .get();
    check.close();
    expect(key).toEqual({ n: 1 });
  });
});
