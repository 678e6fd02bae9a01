import { checkDatabase } from "@/lib/db/health";

/**
 * For load balancers and uptime checks: 200 when the server can store signups, 503 (with
 * Retry-After) when its database is gone, locked or read-only. Pages are prerendered and keep being
 * served either way; the reason goes to the log, never to the response.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkDatabase();
  const headers = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  if (health.ok) return new Response('{"status":"ok"}\n', { status: 200, headers });
  console.error("health: database unavailable:", health.reason);
  return new Response('{"status":"unavailable","database":"unavailable"}\n', {
    status: 503,
    headers: { ...headers, "Retry-After": "30" },
  });
}
