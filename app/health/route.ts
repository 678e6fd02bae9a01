import { env } from "@/lib/config/env";
import { cachedHealthCheck, checkDatabase } from "@/lib/db/health";
import { processSingleton } from "@/lib/runtime/singleton";
import { isDraining } from "@/lib/server/shutdown";

/**
 * For load balancers and uptime checks: 200 when the server can store signups; 503 (with
 * Retry-After) when its database is gone, locked or read-only, or when it is shutting down and
 * wants no new traffic. Pages keep being served either way; the reason goes to the log only. The
 * database check (one small write) runs at most every HEALTH_CACHE_MS (5 s), however often /health
 * is asked.
 */
export const dynamic = "force-dynamic";

const headers = { "Content-Type": "application/json", "Cache-Control": "no-store" };

function unavailable(body: object) {
  return new Response(`${JSON.stringify(body)}\n`, {
    status: 503,
    headers: { ...headers, "Retry-After": "30" },
  });
}

export async function GET() {
  if (isDraining()) return unavailable({ status: "draining" });
  const health = await processSingleton("health.check", () =>
    cachedHealthCheck(() => checkDatabase(), env.healthCacheMs),
  )();
  if (health.ok) return new Response('{"status":"ok"}\n', { status: 200, headers });
  console.error("health: database unavailable:", health.reason);
  return unavailable({ status: "unavailable", database: "unavailable" });
}
