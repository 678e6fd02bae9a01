/**
 * A PostgreSQL database of a test file's own, on the server TEST_DATABASE_URL points at, so files
 * that run in parallel never see each other's rows. Dropped when the file is done.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshPostgresUrl(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgres(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) return;
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}
