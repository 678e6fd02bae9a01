/**
 * Liveness: 200 whenever this process answers at all, starting, draining or without its database.
 * For a supervisor deciding whether to restart it; load balancers ask /health (readiness).
 */
export const dynamic = "force-dynamic";

export function GET() {
  return new Response('{"status":"alive"}\n', {
    status: 200,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
