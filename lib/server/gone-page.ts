import { siteConfig } from "@/lib/config/site";
import type { Tombstone } from "@/lib/content/tombstones";

/**
 * The 410 page for a story taken down. Answered by proxy.ts before any route renders, so it is plain
 * HTML with inline styles (no build assets, no client script), in the site's colours and words.
 */
export function gonePage(stone: Tombstone): Response {
  const html = `<!doctype html>
<html lang="${siteConfig.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>This story has been removed | ${escapeHtml(siteConfig.name)}</title>
<style>
body{margin:0;font:1.0625rem/1.6 system-ui,sans-serif;background:#fbfaf7;color:#1a1a1a}
main{max-width:36rem;margin:0 auto;padding:3rem 1.25rem}
h1{font:700 1.75rem/1.25 Georgia,serif;margin:0 0 1rem}
a{color:#a3121f}
@media (prefers-color-scheme:dark){body{background:#121212;color:#ededed}a{color:#ff8a8a}}
</style>
</head>
<body>
<main>
<p><a href="/">${escapeHtml(siteConfig.name)}</a></p>
<h1>This story has been removed</h1>
<p>The story that was at this address has been taken down by the newsroom and will not come back.</p>
<p><a href="/">Go to the front page</a> or <a href="/search">search the news</a>.</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 410,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "public, max-age=0, s-maxage=300",
      "X-Robots-Tag": "noindex",
      "X-Dispatch-Gone": stone.slug,
    },
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
