/**
 * The front matter an editor writes, as a schema. Every rule has a message an editor can act on;
 * the loader prefixes each message with the file name and the field.
 */
import { z } from "zod";
import { sectionSlugs } from "@/lib/config/site";

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** "is required" when the field is missing, else the given message. */
function required(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message);
}

const isoDateTime = z
  .string({ error: required('must be a date-time, e.g. "2026-01-16T08:05:00+08:00"') })
  .regex(ISO_WITH_OFFSET, {
    error: 'must be an ISO 8601 date-time with a UTC offset, e.g. "2026-01-16T08:05:00+08:00"',
    abort: true,
  })
  .refine(isRealDateTime, { error: "is not a real date and time" });

/** Date.parse quietly rolls 31 February over into March; an editor's typo must not. */
function isRealDateTime(iso: string): boolean {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0] = iso.match(/\d+/g)?.map(Number) ?? [];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const sameDay = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return sameDay && h < 24 && mi < 60 && !Number.isNaN(Date.parse(iso));
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(max: number) {
  return z
    .string({ error: required("must be text") })
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: "must not contain control characters" });
}

/**
 * A photo credit as the page wants it, the name alone: pages print "(Photo: {credit})", so a credit
 * an editor wrote as "(Photo: AP)" or "Photo: AP" is taken as "AP" rather than said twice.
 */
export function bareCredit(credit: string): string {
  const m = /^\(\s*photo\s*:\s*(.+?)\s*\)$/i.exec(credit) ?? /^photo\s*:\s*(.+)$/i.exec(credit);
  return m?.[1]?.trim() || credit;
}

const SUMMARY_POINT_MAX = 200;

const heroSchema = z.strictObject(
  {
    src: text(200).regex(/^images\/[A-Za-z0-9._/-]+\.(jpe?g|png|webp|avif)$/i, {
      error: "must be a .jpg, .png, .webp or .avif file under images/, e.g. images/lab.jpg",
    }),
    alt: text(300),
    caption: text(500),
    credit: text(120).transform(bareCredit),
  },
  { error: required("must be a block with src, alt, caption and credit") },
);

const correctionSchema = z.strictObject(
  {
    date: isoDateTime,
    text: text(600),
  },
  { error: required('must be a block with date and text, e.g. date: "2026-01-16T10:00:00+08:00"') },
);

export const frontMatterSchema = z
  .strictObject({
    title: text(160),
    standfirst: text(400),
    section: z.enum(sectionSlugs, { error: required(`must be one of: ${sectionSlugs.join(", ")}`) }),
    topics: z
      .array(text(60), { error: "must be a list of topics" })
      .max(12, { error: "must have at most 12 topics" })
      .refine((t) => new Set(t.map((x) => x.toLowerCase())).size === t.length, {
        error: "must not repeat a topic",
      })
      .default([]),
    published: isoDateTime,
    updated: isoDateTime.optional(),
    byline: text(120).optional(),
    source: text(120).optional(),
    dateline: z
      .string({ error: "must be text" })
      .regex(/^[A-Z][A-Z .'-]{0,39}$/, { error: "must be a place in capitals, e.g. WASHINGTON" })
      .optional(),
    hero: heroSchema,
    summary: z
      .array(text(SUMMARY_POINT_MAX), { error: "must be a list of 3 to 5 points" })
      .min(3, { error: "must have at least 3 points" })
      .max(5, { error: "must have at most 5 points" })
      .optional(),
    /** Sends a single-story alert to the Breaking News list, once (npm run newsletter:send). */
    breaking: z.boolean({ error: "must be true or false" }).default(false),
    /** Kept private: never public, only seen in preview. */
    draft: z.boolean({ error: "must be true or false" }).default(false),
    corrections: z
      .array(correctionSchema, { error: "must be a list of corrections, each with date and text" })
      .max(20, { error: "must have at most 20 corrections" })
      .default([]),
    /** Live coverage: the story grows by files in its updates/ folder (docs/CONTENT.md). */
    live: z.boolean({ error: "must be true or false" }).default(false),
    /** When live coverage ended; the page then becomes an archive. */
    ended: isoDateTime.optional(),
  })
  .refine((fm) => fm.ended === undefined || fm.live, {
    error: "is only for live coverage: add live: true, or remove ended",
    path: ["ended"],
  })
  .refine((fm) => fm.ended === undefined || Date.parse(fm.ended) >= Date.parse(fm.published), {
    error: "must not be earlier than published",
    path: ["ended"],
  })
  .refine((fm) => fm.byline !== undefined || fm.source !== undefined, {
    error: "is required when there is no source (an article needs a byline, a source or both)",
    path: ["byline"],
  })
  .refine((fm) => fm.updated === undefined || Date.parse(fm.updated) >= Date.parse(fm.published), {
    error: "must not be earlier than published",
    path: ["updated"],
  })
  .refine((fm) => fm.corrections.every((c) => Date.parse(c.date) >= Date.parse(fm.published)), {
    error: "must not be dated before published",
    path: ["corrections"],
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** One update of a live story (`{section}/{slug}/updates/{id}.md`); its text below is the body. */
export const updateSchema = z.strictObject({
  published: isoDateTime,
  title: text(160).optional(),
  /** A key event, listed at the top of the page. */
  key: z.boolean({ error: "must be true or false" }).default(false),
  /** Shown first; at most one update of a story may be pinned. */
  pinned: z.boolean({ error: "must be true or false" }).default(false),
  byline: text(120).optional(),
  /** Kept private: never public, only seen in preview. */
  draft: z.boolean({ error: "must be true or false" }).default(false),
  corrections: z
    .array(correctionSchema, { error: "must be a list of corrections, each with date and text" })
    .max(20, { error: "must have at most 20 corrections" })
    .default([]),
});

export type UpdateFrontMatter = z.infer<typeof updateSchema>;
export const UPDATE_KEYS = Object.keys(updateSchema.shape);

export const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape);
export const HERO_KEYS = Object.keys(heroSchema.shape);
export const CORRECTION_KEYS = Object.keys(correctionSchema.shape);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 120;
