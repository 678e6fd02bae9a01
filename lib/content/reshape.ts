/**
 * A parsed content file reshaped into the `Article` every page receives: section looked up, topics
 * given slugs, corrections ordered, the body kept packed, and every kept string detached from the
 * file's text.
 */
import { findSection } from "@/lib/config/site";
import { packedBytes, readBody, type Body } from "./body";
import { topicSlug, type Article, type BodyPhoto, type HeroImage } from "./article";
import type { ParsedArticle } from "./parse";

/**
 * A string that keeps nothing else alive. Strings cut out of a file's text by the YAML parser can be
 * V8 "sliced strings" that hold the whole file's text in memory; kept for the life of the server,
 * one short headline would keep a story's body alive however the body itself is stored.
 */
function own(text: string): string;
function own(text: string | undefined): string | undefined;
function own(text: string | undefined): string | undefined {
  // Through bytes and back: a fresh flat string (V8 can slice a concatenation straight back to its parent).
  return text === undefined || text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}

/** Most stories have no photo in the body: one shared empty list, not one per story. */
export const NO_PHOTOS: readonly BodyPhoto[] = Object.freeze([]);

export function toArticle(
  a: ParsedArticle,
  hero: HeroImage,
  body: Body,
  photos: readonly BodyPhoto[] = NO_PHOTOS,
): Article {
  const section = findSection(a.section);
  if (!section) throw new Error(`unreachable: section ${a.section} passed the schema`);
  return withBody(
    {
      slug: own(a.slug),
      section,
      path: `/${section.slug}/${a.slug}`,
      title: own(a.title),
      standfirst: own(a.standfirst),
      topics: a.topics
        .map((name) => ({ name: own(name), slug: topicSlug(name) }))
        .filter((t) => t.slug.length > 0),
      published: own(a.published),
      updated: own(lastModified(a)),
      byline: own(a.byline),
      source: own(a.source),
      dateline: own(a.dateline),
      hero: { ...hero, alt: own(hero.alt), caption: own(hero.caption), credit: own(hero.credit) },
      photos: photos.length > 0 ? photos.map((p) => ({ ...p, src: own(p.src) })) : NO_PHOTOS,
      summary: a.summary?.map((point) => own(point)),
      file: own(a.file),
      draft: a.draft,
      breaking: a.breaking,
      corrections: [...a.corrections]
        .sort((x, y) => Date.parse(x.date) - Date.parse(y.date))
        .map((c) => ({ date: own(c.date), text: own(c.text) })),
      // Its updates are joined by the index (lib/content/content-index.ts).
      ...(a.live ? { live: { ended: a.ended, updates: [] } } : {}),
    },
    body,
  );
}

/**
 * An article whose body is inflated when a page or feed reads it (lib/content/body.ts): a third or
 * less of the memory. Also how a start-up's snapshot (snapshot.ts) rebuilds a story.
 */
export function withBody(fields: Omit<Article, "body">, body: Body): Article {
  const article: Article = {
    ...fields,
    get body() {
      return readBody(body);
    },
  };
  bodies.set(article, body);
  return article;
}

const bodies = new WeakMap<Article, Body>();

/**
 * An article's body as packed bytes, for a thread that inflates it itself (the search index's
 * writer): the server's thread then neither inflates 100k bodies nor copies their text across.
 * Undefined for an article made otherwise (a live story's copy with its updates).
 */
export function packedBodyOf(article: Article): Uint8Array | undefined {
  const body = bodies.get(article);
  return body && packedBytes(body);
}

/** A correction is an update: the latest of `updated` and the corrections' dates, as written. */
function lastModified(a: ParsedArticle): string | undefined {
  let latest = a.updated;
  for (const c of a.corrections) if (!latest || Date.parse(c.date) > Date.parse(latest)) latest = c.date;
  return latest;
}
