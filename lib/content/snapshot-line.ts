/**
 * One snapshot entry as a line of JSON, and back (snapshot.ts). Reading checks every field's type:
 * a line that does not read back as an entry makes the whole snapshot unused.
 */
import { findSection } from "@/lib/config/site";
import type { Article, BodyPhoto, Correction, HeroImage, LiveUpdate, Topic } from "./article";
import { packedBody, packedBytes } from "./body";
import type { AnyEntry, ContentEntry, ImageStamp, UpdateEntry } from "./entries";
import { NO_PHOTOS, withBody } from "./reshape";

type StoredArticle = Omit<Article, "body" | "section" | "live"> & {
  section: string;
  live?: { ended?: string };
};

export function toLine(entry: AnyEntry, dirs: readonly string[]) {
  const where = {
    d: dirs.indexOf(entry.dir),
    file: entry.file,
    label: entry.label,
    stamp: [entry.mtimeMs, entry.ctimeMs, entry.size, entry.ino],
  };
  if (entry.kind === "update") return { k: "u", ...where, parent: entry.parent, update: entry.update };
  const a = entry.article;
  const article: StoredArticle = {
    slug: a.slug,
    section: a.section.slug,
    path: a.path,
    title: a.title,
    standfirst: a.standfirst,
    topics: a.topics,
    published: a.published,
    updated: a.updated,
    byline: a.byline,
    source: a.source,
    dateline: a.dateline,
    hero: a.hero,
    photos: a.photos,
    summary: a.summary,
    file: a.file,
    breaking: a.breaking,
    draft: a.draft,
    corrections: a.corrections,
    ...(a.live ? { live: { ended: a.live.ended } } : {}),
  };
  return {
    k: "s",
    ...where,
    article,
    body: packedBytes(entry.body).toString("base64"),
    mediaFile: entry.mediaFile,
    bodyMedia: [...entry.bodyMedia],
    images: entry.images.map((i) => [i.file, i.mtimeMs, i.ctimeMs, i.ino]),
  };
}

export function readLine(json: unknown, dirs: readonly string[]): AnyEntry | undefined {
  if (!isRecord(json) || typeof json.d !== "number" || !isString(json.file) || !isString(json.label)) return;
  const dir = dirs[json.d];
  const stamp = json.stamp;
  if (dir === undefined || !Array.isArray(stamp) || stamp.length !== 4 || !stamp.every(isNumber)) return;
  const [mtimeMs = NaN, ctimeMs = NaN, size = NaN, ino = NaN] = stamp;
  const key = `${json.d}:${json.file}`;
  const common = { key, dir, file: json.file, label: json.label, mtimeMs, ctimeMs, size, ino };
  if (json.k === "u") {
    const update = readUpdate(json.update);
    if (!update || !isString(json.parent)) return;
    const entry: UpdateEntry = { kind: "update", ...common, parent: json.parent, update };
    return entry;
  }
  if (json.k !== "s" || !isString(json.body) || !isString(json.mediaFile)) return;
  const fields = readArticle(json.article);
  const bodyMedia = pairs(json.bodyMedia);
  const images = imageStamps(json.images);
  if (!fields || !bodyMedia || !images) return;
  const body = packedBody(Buffer.from(json.body, "base64"));
  const entry: ContentEntry = {
    kind: "story",
    ...common,
    article: withBody(fields, body),
    body,
    mediaFile: json.mediaFile,
    bodyMedia: new Map(bodyMedia),
    images,
  };
  return entry;
}

function readArticle(x: unknown): Omit<Article, "body"> | undefined {
  if (!isRecord(x) || !isString(x.section)) return;
  const section = findSection(x.section);
  const hero = readHero(x.hero);
  const topics = list(x.topics, readTopic);
  const photos = list(x.photos, readPhoto);
  const corrections = list(x.corrections, readCorrection);
  const summary = x.summary === undefined ? undefined : list(x.summary, (s) => (isString(s) ? s : undefined));
  const live =
    x.live === undefined ? undefined : isRecord(x.live) ? { ended: optString(x.live.ended) } : null;
  const strings = [x.slug, x.path, x.title, x.standfirst, x.published, x.file];
  const optional = [x.updated, x.byline, x.source, x.dateline];
  if (!section || !hero || !topics || !photos || !corrections || live === null) return;
  if (x.summary !== undefined && !summary) return;
  if (!strings.every(isString) || !optional.every(isOptString)) return;
  if (typeof x.breaking !== "boolean" || typeof x.draft !== "boolean") return;
  return {
    slug: String(x.slug),
    section,
    path: String(x.path),
    title: String(x.title),
    standfirst: String(x.standfirst),
    topics,
    published: String(x.published),
    updated: optString(x.updated),
    byline: optString(x.byline),
    source: optString(x.source),
    dateline: optString(x.dateline),
    hero,
    photos: photos.length > 0 ? photos : NO_PHOTOS,
    summary,
    file: String(x.file),
    breaking: x.breaking,
    draft: x.draft,
    corrections,
    ...(live ? { live: { ended: live.ended, updates: [] } } : {}),
  };
}

function readHero(x: unknown): HeroImage | undefined {
  if (!isRecord(x)) return;
  const { url, width, height, bytes, type, alt, caption, credit } = x;
  if (!isString(url) || !isNumber(width) || !isNumber(height) || !isNumber(bytes) || !isString(type)) return;
  if (!isString(alt) || !isString(caption) || !isString(credit)) return;
  return { url, width, height, bytes, type, alt, caption, credit };
}

function readPhoto(x: unknown): BodyPhoto | undefined {
  if (!isRecord(x)) return;
  const { src, url, width, height } = x;
  if (!isString(src) || !isString(url) || !isNumber(width) || !isNumber(height)) return;
  return { src, url, width, height };
}

function readTopic(x: unknown): Topic | undefined {
  return isRecord(x) && isString(x.name) && isString(x.slug) ? { name: x.name, slug: x.slug } : undefined;
}

function readCorrection(x: unknown): Correction | undefined {
  return isRecord(x) && isString(x.date) && isString(x.text) ? { date: x.date, text: x.text } : undefined;
}

function readUpdate(x: unknown): LiveUpdate | undefined {
  if (!isRecord(x)) return;
  const { id, published, title, key, pinned, byline, draft, body, file } = x;
  const corrections = list(x.corrections, readCorrection);
  if (!isString(id) || !isString(published) || !isString(body) || !isString(file) || !corrections) return;
  if (typeof key !== "boolean" || typeof pinned !== "boolean" || typeof draft !== "boolean") return;
  if (!isOptString(title) || !isOptString(byline)) return;
  return { id, published, title, key, pinned, byline, draft, corrections, body, file };
}

function imageStamps(x: unknown): ImageStamp[] | undefined {
  return list(x, (i) =>
    Array.isArray(i) && i.length === 4 && isString(i[0]) && isNumber(i[1]) && isNumber(i[2]) && isNumber(i[3])
      ? { file: i[0], mtimeMs: i[1], ctimeMs: i[2], ino: i[3] }
      : undefined,
  );
}

function pairs(x: unknown): [string, string][] | undefined {
  return list(x, (p) =>
    Array.isArray(p) && p.length === 2 && isString(p[0]) && isString(p[1]) ? [p[0], p[1]] : undefined,
  );
}

export function list<T>(x: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(x)) return;
  const out: T[] = [];
  for (const item of x) {
    const value = read(item);
    if (value === undefined) return;
    out.push(value);
  }
  return out;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function isString(x: unknown): x is string {
  return typeof x === "string";
}

export function isNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function isOptString(x: unknown): x is string | undefined {
  return x === undefined || typeof x === "string";
}

function optString(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}
