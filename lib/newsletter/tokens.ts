/**
 * Tokens in newsletter links. Confirmation tokens are random and stored only as a SHA-256 hash.
 * Unsubscribe tokens are signed (HMAC) with a key kept in the database, so every email's link stays
 * valid without storing one token per email, and every instance can check them.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/database";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A non-reversible key for rate limits and logs, so no address or IP is stored in the clear. */
export function rateLimitKey(kind: "ip" | "email", value: string): string {
  return `${kind}:${createHash("sha256").update(`${kind}:${value}`).digest("hex").slice(0, 32)}`;
}

function mac(key: string, id: number, email: string): string {
  return createHmac("sha256", key).update(`unsubscribe:${id}:${email}`).digest("base64url");
}

export function unsubscribeToken(key: string, id: number, email: string): string {
  return `${id}.${mac(key, id, email)}`;
}

/** The largest id either database can hold (PostgreSQL `serial` is a 32-bit integer). */
const MAX_SUBSCRIPTION_ID = 2_147_483_647;

/**
 * The subscription id a token names, or undefined; the caller then checks the signature with
 * checkUnsubscribeToken. An id no row can have is malformed here, before it reaches a query (on
 * PostgreSQL a 12-digit id used to raise "out of range" and answer 503 instead of "not valid").
 */
export function unsubscribeTokenId(token: string): number | undefined {
  const match = /^([1-9]\d{0,9})\.[A-Za-z0-9_-]{43}$/.exec(token);
  const id = match ? Number(match[1]) : undefined;
  return id !== undefined && id <= MAX_SUBSCRIPTION_ID ? id : undefined;
}

export function checkUnsubscribeToken(key: string, token: string, id: number, email: string): boolean {
  const expected = Buffer.from(unsubscribeToken(key, id, email));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The key unsubscribe tokens are signed with (made once by a migration, the same on every instance). */
export async function readUnsubscribeKey(db: Db): Promise<string> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("name", "=", "unsubscribe_key")
    .executeTakeFirstOrThrow();
  return row.value;
}
