import { getDb } from "@/lib/db/database";
import { SubscriptionStore } from "@/lib/newsletter/store";

/**
 * One-click unsubscribe (RFC 8058): mail providers POST "List-Unsubscribe=One-Click" to the URL in the
 * List-Unsubscribe header. A GET (a person's click) goes to the page with a button instead.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const result = await new SubscriptionStore(await getDb()).unsubscribe(token.slice(0, 200), new Date());
    return new Response(result === "unsubscribed" ? "Unsubscribed\n" : "Unknown link\n", {
      status: result === "unsubscribed" ? 200 : 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    console.error(
      "newsletter: one-click unsubscribe failed:",
      error instanceof Error ? error.message : error,
    );
    return new Response("Try again later\n", { status: 503, headers: { "Retry-After": "60" } });
  }
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const target = new URL("/newsletter/unsubscribe", url);
  target.searchParams.set("token", url.searchParams.get("token") ?? "");
  return Response.redirect(target, 303);
}
