import { siteConfig } from "@/lib/config/site";
import { escapeHtml } from "./gone-page";

/** Seconds a client (or a proxy's retry) should wait before asking a starting server again. */
export const STARTING_RETRY_AFTER = 5;

/**
 * The answer to any page while the server is still reading its content folders (lib/server/
 * readiness.ts): 503 with Retry-After, never stored. Plain HTML with inline styles, like the 410
 * page, since no route can render yet. Behind the shipped nginx a reader never sees it while
 * another instance is up (`proxy_next_upstream http_503`), nor while a cached copy exists.
 */
export function startingPage(): Response {
  return new Response(startingHtml(), { status: 503, headers: STARTING_HEADERS });
}

export const STARTING_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Retry-After": String(STARTING_RETRY_AFTER),
  "X-Robots-Tag": "noindex",
};

export function startingHtml(): string {
  return `<!doctype html>
<html lang="${siteConfig.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="${STARTING_RETRY_AFTER}">
<title>Starting | ${escapeHtml(siteConfig.name)}</title>
<style>
body{margin:0;font:1.0625rem/1.6 system-ui,sans-serif;background:#fbfaf7;color:#1a1a1a}
main{max-width:36rem;margin:0 auto;padding:3rem 1.25rem}
h1{font:700 1.75rem/1.25 Georgia,serif;margin:0 0 1rem}
@media (prefers-color-scheme:dark){body{background:#121212;color:#ededed}}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(siteConfig.name)} is starting</h1>
<p>This server is loading the news and will answer in a few seconds. This page reloads by itself.</p>
</main>
</body>
</html>
`;
}
