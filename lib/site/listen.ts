/**
 * The door's part for narration (issue 24; lib/site/api.ts is the rest): a public story's narrations
 * (the whole story, and its summary's short one) and the FAST briefing for their pages, the audio
 * feed and the audio door, and the start-up's upkeep: the archive's backfill and the removal of
 * narrations no story uses any more.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/config/env";
import type { Article } from "@/lib/content/article";
import {
  BRIEFING_CARDS,
  briefingFor,
  briefingsOnOffer,
  briefingHashes,
  forgetMade,
  narrationBacklog,
  narrationDir,
  narrationFor,
  narrationHash,
  type Kind,
  type Narration,
} from "@/lib/narration/narrator";
import { sweepUnused } from "@/lib/narration/sweep";
import { getFastDeck, getPublicStories } from "./api";

export { narrationGivesWay, startNarration } from "@/lib/narration/narrator";
export { audioAnswer } from "@/lib/narration/serve";
export { checkNeuralVoice } from "@/lib/narration/voice";

export type Listen = { url: string; seconds: number; made: string };

/** Where the FAST briefing is served: /fast/listen/{hash}.mp3. */
const BRIEFING_PATH = "/fast/listen";

/**
 * The player's source for a story page (`story`) or its summary view and FAST card (`summary`): the
 * narration's address and length once made (else it is queued, and the page shows no player until it
 * is made and the page refreshed).
 */
export function getListen(article: Article, kind: Kind = "story"): Listen | undefined {
  const made = narrationFor(article, { kind });
  return made && listenOf(`${article.path}/listen`, made);
}

/** Each FAST card's "Listen to this summary", by slug, for those made (the rest are queued). */
export function getCardListens(deck: { cards: readonly { article: Article }[] }): Map<string, Listen> {
  const listens = new Map<string, Listen>();
  for (const { article } of deck.cards) {
    const listen = getListen(article, "summary");
    if (listen) listens.set(article.slug, listen);
  }
  return listens;
}

function listenOf(base: string, made: Narration): Listen {
  return { url: `${base}/${made.hash}.mp3`, seconds: made.seconds, made: made.made };
}

/** The FAST briefing: the deck's first cards read one after another (lib/narration/narrator.ts). */
export async function getBriefing(): Promise<Listen | undefined> {
  const made = await briefingNow(true);
  return made && listenOf(BRIEFING_PATH, made);
}

/**
 * The narration at /{section}/{slug}/listen/{hash}.mp3: only for a story public now, and only for its
 * words as they are now, whole or summed up (an earlier narration's address is a 404 once the story
 * has changed).
 */
export async function getNarrationFile(section: string, slug: string, hash: string) {
  const article = (await getPublicStories()).bySlug.get(slug);
  if (article?.section.slug !== section) return undefined;
  // Only looks: an audio request never queues work (a made-up address would jump the queue).
  for (const kind of ["story", "summary"] as const) {
    const made = narrationFor(article, { kind, queue: "none" });
    if (made?.hash === hash) return made;
  }
  return undefined;
}

/**
 * A briefing at /fast/listen/{hash}.mp3: one of those on offer (the last ten made, while each of their
 * stories is public and reads as it did), so a reader mid-way keeps it when the deck moves on.
 */
export async function getBriefingFile(hash: string) {
  const { bySlug } = await getPublicStories();
  const onOffer = () => briefingsOnOffer((slug) => bySlug.get(slug)).find((n) => n.hash === hash);
  // Not among them: perhaps the deck's own, made since a page last looked (this records it).
  return onOffer() ?? ((await briefingNow(false))?.hash === hash ? onOffer() : undefined);
}

/** The briefing of the deck as it is now, or the last one made while its stories are public. */
async function briefingNow(queue: boolean): Promise<Narration | undefined> {
  const [deck, { bySlug }] = await Promise.all([getFastDeck(), getPublicStories()]);
  const stories = (deck?.cards ?? []).slice(0, BRIEFING_CARDS).map((c) => c.article);
  return briefingFor(stories, (slug) => bySlug.get(slug), { queue });
}

/** The podcast feed's episodes: the briefings on offer, and the newest stories with a narration made. */
export async function getAudioEpisodes(limit = 50): Promise<{
  briefings: (Narration & { url: string })[];
  stories: { article: Article; narration: Narration }[];
}> {
  const { articles, bySlug } = await getPublicStories();
  const stories: { article: Article; narration: Narration }[] = [];
  // Looked for among the newest few hundred: an archive still being narrated is not walked whole.
  for (const article of articles.slice(0, limit * 4)) {
    const narration = narrationFor(article, { queue: "none" });
    if (narration) stories.push({ article, narration });
    if (stories.length >= limit) break;
  }
  await briefingNow(false); // the deck's own, if made since a page last looked, joins those on offer
  const briefings = briefingsOnOffer((slug) => bySlug.get(slug)).map((b) => ({
    ...b,
    url: `${BRIEFING_PATH}/${b.hash}.mp3`,
  }));
  return { briefings, stories };
}

/** The backfill keeps this few jobs waiting, so new stories never queue behind the archive. */
const BACKFILL_WAITING = 2;

/**
 * The narrations' upkeep, for as long as the server runs, in two walks over the public stories,
 * newest first: the backfill queues the narrations not made yet (both kinds), keeping only a few
 * waiting; the sweep finds the narrations in use and removes the files of those no story has used for
 * NARRATION_GRACE_MS. Each walk starts again after a wait (an hour, or half the grace if shorter),
 * and works only while the server is not busy (its event loop under half busy), in slices of 10 ms.
 */
export function keepNarrations(log: (line: string) => void): void {
  const every = Math.max(1_000, Math.min(3600_000, env.narrationGraceMs / 2));
  const forever = async (name: string, pass: () => Promise<string>) => {
    for (;;) {
      log(`narration: ${name} ${await pass()}`);
      await sleep(every);
    }
  };
  const stopped = (error: unknown) => console.error("narration: the upkeep stopped:", error);
  void forever("backfill", async () => `queued ${await walk(true)}`).catch(stopped);
  void forever("sweep", async () => {
    const inUse = new Set<string>();
    await walk(false, (hash) => inUse.add(hash));
    for (const hash of briefingHashes()) inUse.add(hash);
    const removed = sweepUnused({ dir: narrationDir(), inUse, graceMs: env.narrationGraceMs });
    for (const hash of removed) forgetMade(hash);
    return `removed ${removed.length} no story uses`;
  }).catch(stopped);
}

/** One walk over the public stories: queues what is not made (`queue`), or reports each hash in use. */
async function walk(queue: boolean, inUse?: (hash: string) => void): Promise<number> {
  let next = 0;
  let queued = 0;
  let loop = performance.eventLoopUtilization();
  for (;;) {
    await sleep(250);
    const busy = performance.eventLoopUtilization(loop).utilization > 0.5;
    loop = performance.eventLoopUtilization();
    const full = () => queue && narrationBacklog() > BACKFILL_WAITING;
    if (busy || full()) continue;
    const { articles } = await getPublicStories();
    const started = performance.now();
    while (next < articles.length && performance.now() - started < 10 && !full()) {
      const article = articles[next++];
      if (!article) continue;
      for (const kind of ["story", "summary"] as const) {
        if (queue) {
          // narrationFor first: a story's words are read once, for its hash and its job.
          if (!narrationFor(article, { kind, queue: "backfill" }) && narrationHash(article, kind)) queued++;
        } else {
          const hash = narrationHash(article, kind);
          if (hash) inUse?.(hash);
        }
      }
    }
    if (next >= articles.length) return queued;
  }
}
