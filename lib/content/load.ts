/**
 * Reads content folders into an index of validated articles. The only module that touches content
 * files. Every problem in every file is collected before failing, so an editor fixes them in one go.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { findSection } from "@/lib/config/site";
import { byNewest, topicSlug, type Article, type HeroImage, type Topic } from "./article";
import { parseArticle, type ParsedArticle } from "./parse";
import { ContentError, type ContentProblem } from "./problems";

export const MAX_FILE_BYTES = 1024 * 1024;

export type ContentIndex = {
  /** Newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  topics: Map<string, Topic>;
  /** Served image URL → absolute file path. */
  media: Map<string, string>;
};

export async function loadContent(dirs: readonly string[]): Promise<ContentIndex> {
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  const media = new Map<string, string>();
  const seen = new Map<string, string>();
  const images = new Map<string, Promise<ImageFacts>>();

  for (const dir of dirs) {
    const files = await listMarkdownFiles(dir).catch((error: unknown) => {
      problems.push({ file: dir, message: `content folder cannot be read: ${String(error)}` });
      return [];
    });
    const parsed = await mapLimited(files, 64, (f) => readArticle(dir, f));
    for (const result of parsed) {
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const { article } = result;
      const label = labelOf(dir, article.file, dirs);
      const other = seen.get(article.slug);
      if (other) {
        problems.push({ file: label, message: `has the same slug "${article.slug}" as ${other}` });
        continue;
      }
      seen.set(article.slug, label);
      const hero = await loadHero(dir, article, media, images);
      if (hero.ok) articles.push(toArticle(article, hero.hero));
      else problems.push({ file: label, field: "hero.src", message: hero.message });
    }
  }

  if (problems.length > 0) throw new ContentError(problems);
  return indexArticles(articles, media);
}

/** Like Promise.all over a map, with at most `limit` at once (100k files would exhaust descriptors). */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const queue = items.entries(); // shared: each worker takes the next item
  const worker = async () => {
    for (const [i, item] of queue) results[i] = await fn(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function labelOf(dir: string, file: string, dirs: readonly string[]): string {
  return dirs.length > 1 ? path.join(path.relative(process.cwd(), dir), file) : file;
}

export async function listMarkdownFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".md") && e.name !== "README.md")
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => !f.startsWith("images/"))
    .sort();
}

async function readArticle(dir: string, file: string) {
  const full = path.join(dir, file);
  const stat = await fs.stat(full);
  if (stat.size > MAX_FILE_BYTES) {
    return {
      ok: false as const,
      problems: [{ file, message: `is ${stat.size} bytes; an article file must be at most 1 MB` }],
    };
  }
  return parseArticle(file, await fs.readFile(full, "utf8"));
}

type HeroResult = { ok: true; hero: HeroImage } | { ok: false; message: string };
type ImageFacts =
  { url: string; width: number; height: number; bytes: number; type: string } | { error: string };

async function loadHero(
  dir: string,
  article: ParsedArticle,
  media: Map<string, string>,
  images: Map<string, Promise<ImageFacts>>,
): Promise<HeroResult> {
  const { src, alt, caption, credit } = article.hero;
  const imagesDir = path.join(dir, "images");
  const file = path.resolve(dir, src);
  if (!file.startsWith(imagesDir + path.sep))
    return { ok: false, message: "must stay inside the images folder" };
  // Many stories share a photo: read, hash and measure each file once.
  let facts = images.get(file);
  if (!facts) {
    facts = imageFacts(file, src, imagesDir);
    images.set(file, facts);
  }
  const found = await facts;
  if ("error" in found) return { ok: false, message: found.error };
  media.set(found.url, file);
  return { ok: true, hero: { ...found, alt, caption, credit } };
}

async function imageFacts(file: string, src: string, imagesDir: string): Promise<ImageFacts> {
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (!bytes) {
    return {
      error: `image file not found: ${src} (looked in ${path.relative(process.cwd(), imagesDir) || "."})`,
    };
  }
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height) return { error: `${src} is not a readable image` };
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
  const url = `/media/${hash}/${path.basename(file)}`;
  return {
    url,
    width: meta.width,
    height: meta.height,
    bytes: bytes.length,
    type: `image/${meta.format ?? "jpeg"}`,
  };
}

function toArticle(a: ParsedArticle, hero: HeroImage): Article {
  const section = findSection(a.section);
  if (!section) throw new Error(`unreachable: section ${a.section} passed the schema`);
  return {
    slug: a.slug,
    section,
    path: `/${section.slug}/${a.slug}`,
    title: a.title,
    standfirst: a.standfirst,
    topics: a.topics.map((name) => ({ name, slug: topicSlug(name) })).filter((t) => t.slug.length > 0),
    published: a.published,
    updated: a.updated,
    byline: a.byline,
    source: a.source,
    dateline: a.dateline,
    hero,
    summary: a.summary,
    body: a.body,
    file: a.file,
  };
}

export function indexArticles(articles: Article[], media = new Map<string, string>()): ContentIndex {
  const sorted = [...articles].sort(byNewest);
  const topics = new Map<string, Topic>();
  for (const a of sorted) for (const t of a.topics) if (!topics.has(t.slug)) topics.set(t.slug, t);
  return { articles: sorted, bySlug: new Map(sorted.map((a) => [a.slug, a])), topics, media };
}
