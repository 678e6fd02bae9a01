/** The paths of the site's pages that more than one place links to, built in one place. */

/** A topic's page. */
export function topicPath(slug: string): string {
  return `/topic/${slug}`;
}

/** The shareable URL of one FAST card. */
export function fastCardPath(slug: string): string {
  return `/fast/${slug}`;
}

/**
 * The fragment a FAST card adds to the full story's URL. A fragment (not a query) keeps article pages
 * prerendered, never reaches the server or the canonical URL, and CSS :target shows the return control
 * with JavaScript off.
 */
export const FAST_MARKER = "fast";

/** The full story's URL as a FAST card links to it: the page offers "return to FAST" (FastReturn). */
export function storyFromFastPath(articlePath: string): string {
  return `${articlePath}#${FAST_MARKER}`;
}

/**
 * The summary view's own path. It is a route of its own, not a query on the article's path: the App
 * Router prefetches a link to a static page without its query, so a `?view=summary` link tapped after
 * that prefetch showed the full article (issue "The phone reader"). `?view=summary` still redirects
 * here (next.config.ts), so links shared before keep working.
 */
export function summaryViewPath(articlePath: string): string {
  return `${articlePath}/summary`;
}
