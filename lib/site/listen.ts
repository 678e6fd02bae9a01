/**
 * The door's part for narration (issue 24; lib/site/api.ts is the rest): a public story's narration
 * for its page and for the audio route, and the start-up's backfill of the archive.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Article } from "@/lib/content/article";
import { narrationBacklog, narrationFor } from "@/lib/narration/narrator";

export { startNarration } from "@/lib/narration/narrator";
import { getArticle, getPublicStories } from "./api";

export { audioAnswer } from "@/lib/narration/serve";

export type Listen = { url: string; seconds: number };

/**
 * The player's source for a story page: its narration's address and length once made (else the
 * narration is queued, and the page shows no player until it is made and the page refreshed).
 */
export function getListen(article: Article): Listen | undefined {
  const made = narrationFor(article);
  return made ? { url: `${article.path}/listen/${made.hash}.mp3`, seconds: made.seconds } : undefined;
}

/**
 * The narration at /{section}/{slug}/listen/{hash}.mp3: only for a story public now, and only for its
 * words as they are now (an earlier narration's address is a 404 once the story has changed).
 */
export async function getNarrationFile(section: string, slug: string, hash: string) {
  const article = await getArticle(section, slug);
  if (!article) return undefined;
  // Only looks: an audio request never queues work (a made-up address would jump the queue).
  const made = narrationFor(article, { queue: "none" });
  return made?.hash === hash ? made : undefined;
}

/** The backfill keeps this few jobs waiting, so new stories never queue behind the archive. */
const BACKFILL_WAITING = 2;

/**
 * One pass over the public stories, newest first, queueing those not narrated yet. It only works
 * while the server is not busy (its event loop under half busy), in slices of 10 ms.
 */
export async function backfillNarrations(): Promise<number> {
  let next = 0;
  let queued = 0;
  let loop = performance.eventLoopUtilization();
  for (;;) {
    await sleep(250);
    const busy = performance.eventLoopUtilization(loop).utilization > 0.5;
    loop = performance.eventLoopUtilization();
    if (busy || narrationBacklog() > BACKFILL_WAITING) continue;
    const { articles } = await getPublicStories();
    const started = performance.now();
    while (next < articles.length && performance.now() - started < 10) {
      const article = articles[next++];
      if (article && !narrationFor(article, { queue: "backfill" })) queued++;
      if (narrationBacklog() > BACKFILL_WAITING) break;
    }
    if (next >= articles.length) return queued;
  }
}
