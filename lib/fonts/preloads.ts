/**
 * Preload tags for the site's web fonts, on every page.
 *
 * Next.js preloads next/font files per page entry, and only when the page's segment is rendered before
 * its preload list is flushed: dynamic pages (search, the newsletter's confirm and unsubscribe pages)
 * and 404s answered by a route that renders for new params got none, so a first visit painted them in
 * the fallback faces for good (the fonts are `display: optional`). So next/font's own preloading is
 * off (lib/fonts/faces.ts) and the root layout names the files itself. They are hashed at build time:
 * their names come from the build's folder of emitted files, where the only .woff2 files are ours.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { env, nextRuntime } from "@/lib/config/env";

/** The web font files among a build's emitted media, sorted. */
export function fontFilesIn(names: readonly string[]): string[] {
  return names.filter((name) => /^[\w.-]+\.woff2$/.test(name)).sort();
}

let cached: string[] | undefined;

/**
 * The build's font files; none when there is no build output to read (the fonts still load, late).
 * `next dev` writes its output under `dev/`. An empty answer is not kept: in development the files
 * appear once the first page has compiled.
 */
function fontFiles(): string[] {
  if (cached) return cached;
  const media = path.join(env.distDir, ...(nextRuntime.development ? ["dev"] : []), "static", "media");
  let found: string[] = [];
  try {
    found = fontFilesIn(readdirSync(media));
  } catch {
    // No build output here: nothing to preload.
  }
  if (found.length > 0) cached = found;
  return found;
}

/**
 * What the root layout's `<head>` preloads. Written there as elements rather than `ReactDOM.preload`
 * calls: in a dynamic render such a call arrives after the head has been sent and is dropped, which
 * is why Next.js's own font preloads missed those pages.
 */
export function fontPreloadLinks(): { href: string; type: string }[] {
  return fontFiles().map((file) => ({ href: `/_next/static/media/${file}`, type: "font/woff2" }));
}
