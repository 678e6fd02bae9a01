import { unsubscribeOneClick } from "@/lib/newsletter/api";

/**
 * One-click unsubscribe (RFC 8058): mail providers POST "List-Unsubscribe=One-Click" to the URL in the
 * List-Unsubscribe header. A GET (a person's click) goes to the page with a button instead.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const unsubscribed = await unsubscribeOneClick(token);
    return new Response(unsubscribed ? "Unsubscribed\n" : "Unknown link\n", {
      status: unsubscribed ? 200 : 404,
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

/**
 * A relative Location: request.url carries the address Next.js listens on (127.0.0.1:3000), not the
 * public host a reader used, so an absolute URL built from it is unreachable behind a proxy.
 */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const query = new URLSearchParams({ token: token.slice(0, 200) });
  return new Response(null, {
    status: 303,
    headers: { Location: `/newsletter/unsubscribe?${query.toString()}`, "Cache-Control": "no-store" },
  });
}
