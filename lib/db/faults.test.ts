/**
 * Storage faults while the server runs: the SQLite file locked by another process, read-only,
 * moved away or replaced, and PostgreSQL dropping its connections. Each must give the reader
 * "try again later", the health check a failure, store nothing half-written, and recover by itself.
 */
import { copyFileSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMailer } from "@/lib/newsletter/mailer";
import { MESSAGES, subscribe, type Deps } from "@/lib/newsletter/service";
import { SubscriptionStore } from "@/lib/newsletter/store";
import { DatabaseSource, DatabaseUnavailableError } from "./database";
import { checkDatabase } from "./health";

const sources: DatabaseSource[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(sources.splice(0).map((s) => s.close()));
});

function sqliteSource() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-faults-"));
  const file = path.join(dir, "dispatch.sqlite");
  const source = new DatabaseSource({ sqliteFile: file });
  sources.push(source);
  const deps: Deps = {
    store: async () => new SubscriptionStore(await source.get()),
    mailer: createMailer({ outboxDir: path.join(dir, "outbox"), from: "Dispatch <n@localhost>" }),
    now: () => new Date(),
  };
  return { dir, file, source, deps };
}

const signup = (email: string, deps: Deps) =>
  subscribe({ email, lists: ["morning-brief"], honeypot: "" }, "203.0.113.9", deps);

async function emails(source: DatabaseSource): Promise<string[]> {
  const rows = await (await source.get()).selectFrom("subscriptions").select("email").execute();
  return rows.map((r) => r.email).sort();
}

describe("SQLite faults", () => {
  it("a lock held by another process: try again later, nothing stored, then recovers", async () => {
    const { file, source, deps } = sqliteSource();
    expect((await signup("before@example.com", deps)).status).toBe("success");
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);

    const other = new SQLite(file);
    other.exec("BEGIN EXCLUSIVE");
    expect(await signup("locked@example.com", deps)).toMatchObject({
      status: "error",
      message: MESSAGES.unavailable,
    });
    expect(await checkDatabase(() => source.get())).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledWith("newsletter: signup storage failed:", expect.stringContaining("locked"));
    expect(JSON.stringify(log.mock.calls)).not.toContain("locked@example.com");
    other.exec("ROLLBACK");
    other.close();

    expect(await checkDatabase(() => source.get())).toEqual({ ok: true });
    expect((await signup("after@example.com", deps)).status).toBe("success");
    expect(await emails(source)).toEqual(["after@example.com", "before@example.com"]);
  });

  it("read-only: try again later, nothing stored, then recovers", async () => {
    const { source, deps } = sqliteSource();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const db = await source.get();
    // As root, file modes do not stop writes; query_only fails them the way a read-only mount does.
    await sql`pragma query_only = 1`.execute(db);
    expect(await signup("ro@example.com", deps)).toMatchObject({
      status: "error",
      message: MESSAGES.unavailable,
    });
    expect(await checkDatabase(() => source.get())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/readonly/),
    });
    await sql`pragma query_only = 0`.execute(db);

    expect((await signup("rw@example.com", deps)).status).toBe("success");
    expect(await emails(source)).toEqual(["rw@example.com"]);
  });

  it("moved away: refuses instead of writing into the lost file, and reopens it when it is back", async () => {
    const { file, source, deps } = sqliteSource();
    expect((await signup("kept@example.com", deps)).status).toBe("success");
    vi.spyOn(console, "error").mockImplementation(() => undefined);

    renameSync(file, `${file}.away`);
    await expect(source.get()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(await signup("gone@example.com", deps)).toMatchObject({
      status: "error",
      message: MESSAGES.unavailable,
    });
    expect(await checkDatabase(() => source.get())).toMatchObject({
      ok: false,
      reason: expect.stringContaining("missing"),
    });
    // Still missing: it is not silently recreated empty.
    await expect(source.get()).rejects.toBeInstanceOf(DatabaseUnavailableError);

    renameSync(`${file}.away`, file);
    expect((await signup("back@example.com", deps)).status).toBe("success");
    expect(await emails(source)).toEqual(["back@example.com", "kept@example.com"]);
  });

  it("replaced by a restored copy: the server switches to the restored file", async () => {
    const { dir, file, source, deps } = sqliteSource();
    expect((await signup("old@example.com", deps)).status).toBe("success");
    const backup = path.join(dir, "backup.sqlite");
    await sql`vacuum into ${backup}`.execute(await source.get());
    expect((await signup("lost@example.com", deps)).status).toBe("success");

    rmSync(file);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    copyFileSync(backup, file);
    expect(await emails(source)).toEqual(["old@example.com"]);
    expect((await signup("new@example.com", deps)).status).toBe("success");
    expect(await emails(source)).toEqual(["new@example.com", "old@example.com"]);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!pgUrl)("PostgreSQL faults", () => {
  it("connections dropped by the server are logged, not fatal, and replaced", async () => {
    // Named, so only this pool's connections are killed (other test files share the database).
    const url = new URL(pgUrl ?? "");
    url.searchParams.set("application_name", "dispatch-faults-test");
    const source = new DatabaseSource({ databaseUrl: url.toString() });
    sources.push(source);
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const db = await source.get();
    // Several idle pooled connections, then the server kills them all (as on a restart or failover).
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(db)));
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'dispatch-faults-test'",
    );
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    expect(log).toHaveBeenCalledWith("database: PostgreSQL connection lost:", expect.any(String));

    expect(await checkDatabase(() => source.get())).toEqual({ ok: true });
  });

  it("a server that is not there fails fast with a clear error", async () => {
    const source = new DatabaseSource({ databaseUrl: "postgres://nobody@127.0.0.1:1/none" });
    sources.push(source);
    expect(await checkDatabase(() => source.get())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/ECONNREFUSED|connect/),
    });
  });
});
