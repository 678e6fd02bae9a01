/**
 * Turning a content change into fresh pages. Next.js only invalidates its cache from inside a request
 * (revalidatePath needs the request's store), so the server's watcher asks its own
 * POST /api/revalidate over loopback, with a token that exists only in this process's memory.
 */
import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { processSingleton } from "@/lib/runtime/singleton";
import type { Refresh } from "./refresh";
import { nextRuntime } from "@/lib/config/env";

export const INTERNAL_HEADER = "x-dispatch-publish";

/** This process's token for its own revalidate calls; never leaves memory. */
export function internalToken(): string {
  return processSingleton("publish.token", () => randomBytes(32).toString("hex"));
}

/**
 * Marks stale the pages a change touched (lib/content/touched.ts), each by its path, or every page,
 * feed, sitemap and image route at once (the root layout's path covers every route below it) on a
 * process's first refresh. A page re-renders only when next requested. Returns how many paths.
 */
export function refreshPages(refresh: Refresh): number | "every page" {
  if (refresh.everything) {
    revalidatePath("/", "layout");
    return "every page";
  }
  for (const path of refresh.paths) revalidatePath(path);
  return refresh.paths.length;
}

/** Asks this server to revalidate; retried briefly, since the first change may come before it listens. */
export async function requestRevalidation(reason: string, log = console.info): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const origin = nextRuntime.ownOrigin;
    if (origin) {
      try {
        const response = await fetch(`${origin}/api/revalidate`, {
          method: "POST",
          headers: { [INTERNAL_HEADER]: internalToken() },
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) {
          log(`content: published (${reason})`);
          return;
        }
        log(`content: revalidate answered ${response.status}`);
      } catch (error) {
        if (attempt === 19) log(`content: revalidate failed: ${String(error)}`);
      }
    }
    await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
  }
}
