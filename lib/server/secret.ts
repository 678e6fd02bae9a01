import { createHash, timingSafeEqual } from "node:crypto";

/** Compares a presented secret with the expected one in constant time (whatever their lengths). */
export function sameSecret(presented: string | null | undefined, expected: string | undefined): boolean {
  if (!presented || !expected) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The secret of an `Authorization: Bearer …` header, or null. */
export function bearer(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}
