import { env } from "@/lib/config/env";
import { cachedHealthCheck, checkDatabase } from "@/lib/db/health";
import { processSingleton } from "@/lib/runtime/singleton";
import { isLoadingContent, startupPhase } from "@/lib/server/readiness";
import { isDraining } from "@/lib/server/shutdown";
import { STARTING_RETRY_AFTER } from "@/lib/server/starting-page";

/**
 * Readiness, for load balancers: 200 when the server serves pages and can store signups; 503 (with
 * Retry-After) while it is still reading its content folders at start-up (`"starting"`), when its
 * database is gone, locked or read-only, or when it is shutting down and wants no new traffic.
 * Liveness (the process answers at all) is /health/live. Pages keep being served either way; the reason goes to the log only. The
 * database check (one small write) runs at most every HEALTH_CACHE_MS (5 s), however often /health
 * is asked.
 */
export const dynamic = "force-dynamic";

const headers = { "Content-Type": "application/json", "Cache-Control": "no-store" };

function unavailable(body: object, retryAfter = 30) {
  return new Response(`${JSON.stringify(body)}\n`, {
    status: 503,
    headers: { ...headers, "Retry-After": String(retryAfter) },
  });
}

export async function GET() {
  if (isDraining()) return unavailable({ status: "draining" });
  if (isLoadingContent()) return unavailable({ status: "starting" }, STARTING_RETRY_AFTER);
  const health = await processSingleton("health.check", () =>
    cachedHealthCheck(() => checkDatabase(), env.healthCacheMs),
  )();
  if (health.ok) {
    // Pages are served while the search index is still being built; searches say so meanwhile.
    const body = startupPhase() === "indexing" ? { status: "ok", search: "indexing" } : { status: "ok" };
    return new Response(`${JSON.stringify(body)}\n`, { status: 200, headers });
  }
  console.error("health: database unavailable:", health.reason);
  return unavailable({ status: "unavailable", database: "unavailable" });
}
