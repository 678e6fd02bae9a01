/**
 * What is narrated, and when (issue 24, ADR 0016): a story's page asks for its narration when it
 * renders (so a story is narrated when its page first renders after it becomes public, and again
 * when its spoken words change, since a correction or a new headline renders the page again); its
 * summary view and FAST card ask for the summary's short narration; the FAST page (and every content
 * refresh) asks for the briefing of its first cards, made a little after the deck first changed; a backfill walks
 * the archive newest first. The queue and its worker are queue.ts's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { env, nextRuntime } from "@/lib/config/env";
import { fastCardPath } from "@/lib/config/paths";
import { siteConfig } from "@/lib/config/site";
import type { Article } from "@/lib/content/article";
import { processSingleton } from "@/lib/runtime/singleton";
import { inStartupContext } from "./context";
import { enqueue } from "./queue";
import { briefingParts, spokenText, summarySpeech } from "./speech";
import { narrationDir, readMade, wordsOf, type Narration, type Words } from "./store";
import { writeWhole } from "@/lib/runtime/write-whole.mjs";

export type { Narration } from "./store";
export { forgetMade, narrationDir } from "./store";
export { giveWay as narrationGivesWay, narrationBacklog, startQueue as startNarration } from "./queue";
export { takeNarrated } from "./shown";

/** Stories published this recently are "new": their jobs go before the archive's. */
const NEW_FOR_MS = 48 * 3600_000;
/** A story longer than this is narrated to here (about 90 minutes of speech). */
const MAX_CHARS = 60_000;
const FAST = "/fast";
/** The podcast feed (app/audio.xml): it lists the narrations made. */
const AUDIO_FEED = "/audio.xml";
/** The briefing reads the deck's first cards. */
export const BRIEFING_CARDS = 10;

/** A story's full narration, or its summary's short one. */
export type Kind = "story" | "summary";

/** Each story object's hashes (an unchanged story keeps its object): a render reads no words twice. */
const hashes = new WeakMap<Article, Partial<Record<Kind, string | null>>>();

/** The words a story's narration of this kind speaks, or undefined when it has none. */
function speechOf(article: Article, kind: Kind): Words | undefined {
  if (kind === "summary") return article.summary?.length ? wordsOf([summarySpeech(article)]) : undefined;
  // A live story without key points has nothing but its headline to say: no narration.
  if (article.live && !article.summary?.length) return undefined;
  return wordsOf([spokenText(article).slice(0, MAX_CHARS)]);
}

/** The hash of a story's narration of this kind (null: it has none), remembered per story object. */
export function narrationHash(article: Article, kind: Kind): string | null {
  return hashAndWords(article, kind).hash;
}

/** The hash, and the words too when they had to be read for it (the first time for this object). */
function hashAndWords(article: Article, kind: Kind): { hash: string | null; words?: Words } {
  let mine = hashes.get(article);
  if (!mine) hashes.set(article, (mine = {}));
  const hash = mine[kind];
  if (hash !== undefined) return { hash };
  // Only the hash is kept: at 100k stories their words would be hundreds of megabytes.
  const words = speechOf(article, kind);
  mine[kind] = words?.hash ?? null;
  return { hash: mine[kind], words };
}

/**
 * The pages refreshed when a story's narration of this kind is made. /fast for a new story's card
 * only (its deck opens with the newest): the archive's backfill does not re-render it each time.
 */
function pagesOf(article: Article, kind: Kind, isNew: boolean): string[] {
  if (kind === "story") return [article.path, AUDIO_FEED];
  return [`${article.path}/summary`, fastCardPath(article.slug), ...(isNew ? [FAST] : [])];
}

/**
 * The story's narration of this kind if it has been made for its words as they are now. If not, with
 * `queue` (a page render, the backfill) it is queued, and undefined is returned. Never made during a
 * build, or with NARRATION=off; an audio request only looks.
 */
export function narrationFor(
  article: Article,
  { kind = "story", queue = "page" }: { kind?: Kind; queue?: "page" | "backfill" | "none" } = {},
): Narration | undefined {
  if (!env.narration) return undefined;
  const { hash, words: read } = hashAndWords(article, kind);
  if (!hash) return undefined;
  const made = readMade(hash);
  if (made || !nextRuntime.serving || queue === "none") return made;
  // The words again only if this story object's hash was known already (a page asking again).
  const words = read ?? speechOf(article, kind);
  if (!words) return undefined;
  const isNew = Date.now() - Date.parse(article.published) < NEW_FOR_MS;
  enqueue(words, pagesOf(article, kind, isNew), queue === "page" && isNew);
  return undefined;
}

/** How many briefings made are kept on offer (while each still says what its stories say). */
const KEEP_BRIEFINGS = 10;
const HASH = /^[0-9a-f]{32}$/;

/** A briefing made: its hash, when, and each story it reads with its summary's hash at the time. */
type BriefingRecord = { hash: string; made: string; stories: { slug: string; summary: string }[] };

/** A public story by slug, or undefined. */
export type PublicStory = (slug: string) => Article | undefined;

type BriefingState = {
  /** The words the deck's briefing is to speak, queued when the deck has been still a while. */
  pending?: Words;
  /** The last words asked for (queued or made meanwhile): the sweep keeps them. */
  wanted?: string;
  timer?: NodeJS.Timeout;
  /** The briefings made, newest first (DATA_DIR/narration/briefing.json). */
  records?: BriefingRecord[];
};

const briefingState = () => processSingleton<BriefingState>("narration.briefing", () => ({}));

const briefingFile = () => path.join(narrationDir(), "briefing.json");

function records(): BriefingRecord[] {
  const s = briefingState();
  if (!s.records) {
    try {
      const v: unknown = JSON.parse(readFileSync(briefingFile(), "utf8"));
      s.records = Array.isArray(v) ? v.filter(isRecord).slice(0, KEEP_BRIEFINGS) : [];
    } catch {
      s.records = [];
    }
  }
  return s.records;
}

function isRecord(v: unknown): v is BriefingRecord {
  return (
    typeof v === "object" &&
    v !== null &&
    "hash" in v &&
    typeof v.hash === "string" &&
    HASH.test(v.hash) &&
    "made" in v &&
    typeof v.made === "string" &&
    "stories" in v &&
    Array.isArray(v.stories) &&
    v.stories.length > 0 &&
    v.stories.every(
      (x: unknown) =>
        typeof x === "object" &&
        x !== null &&
        "slug" in x &&
        typeof x.slug === "string" &&
        "summary" in x &&
        typeof x.summary === "string",
    )
  );
}

function remember(record: BriefingRecord) {
  const s = briefingState();
  const known = records();
  if (known[0]?.hash === record.hash) return;
  s.records = [record, ...known.filter((r) => r.hash !== record.hash)].slice(0, KEEP_BRIEFINGS);
  try {
    writeWhole(briefingFile(), JSON.stringify(s.records));
  } catch (error) {
    console.warn(`narration: the briefing's record cannot be written: ${String(error)}`);
  }
}

/** Whether a briefing still says what its stories say: each public, its summary's words unchanged. */
function stillTrue(record: BriefingRecord, story: PublicStory): boolean {
  return record.stories.every((r) => {
    const article = story(r.slug);
    return article !== undefined && narrationHash(article, "summary") === r.summary;
  });
}

/**
 * The briefings on offer, newest first: those made (the last ten) whose stories are all public with
 * the summaries they read. A reader mid-way through one keeps it when the deck moves on; a story
 * unpublished or corrected takes every briefing that read it off the air at once.
 */
export function briefingsOnOffer(story: PublicStory): Narration[] {
  if (!env.narration) return [];
  return records()
    .filter((r) => stillTrue(r, story))
    .map((r) => readMade(r.hash))
    .filter((n) => n !== undefined);
}

/**
 * The FAST briefing: the deck's first cards read one after another. When the deck's briefing is made
 * it is that; until then the newest briefing still on offer, or none. A deck that changed queues its
 * briefing `NARRATION_BRIEFING_DELAY_MS` after its first change (a burst of edits makes one
 * briefing); a site with no briefing yet queues its first at once.
 */
export function briefingFor(
  deck: readonly Article[],
  story: PublicStory,
  { queue = true }: { queue?: boolean } = {},
): Narration | undefined {
  if (!env.narration) return undefined;
  const stories = deck.filter((a) => a.summary?.length).slice(0, BRIEFING_CARDS);
  if (stories.length === 0) return undefined;
  const words = wordsOf(briefingParts(stories, siteConfig.name));
  const made = readMade(words.hash);
  if (made) {
    if (nextRuntime.serving)
      remember({
        hash: words.hash,
        made: made.made,
        stories: stories.map((a) => ({ slug: a.slug, summary: narrationHash(a, "summary") ?? "" })),
      });
    return made;
  }
  // A site's first briefing at once; every later one debounced (records are written only when a
  // page sees one made, so a burst of publishes on a new site queued one a publish: bench:listen).
  if (queue && nextRuntime.serving)
    want(words, records().length === 0 && briefingState().wanted === undefined);
  return briefingsOnOffer(story)[0];
}

/** The briefings the upkeep's sweep keeps: those recorded, and the one asked for last. */
export function briefingHashes(): string[] {
  const s = briefingState();
  return [...records().map((r) => r.hash), s.pending?.hash, s.wanted].filter((h) => h !== undefined);
}

function want(words: Words, now: boolean) {
  const s = briefingState();
  s.pending = words;
  s.wanted = words.hash;
  const go = () => {
    s.timer = undefined;
    if (s.pending) enqueue(s.pending, [FAST, AUDIO_FEED], true);
    s.pending = undefined;
  };
  if (now) return go();
  s.timer ??= inStartupContext(() => setTimeout(go, env.narrationBriefingDelayMs).unref());
}
