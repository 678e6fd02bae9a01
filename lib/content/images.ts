/**
 * The photos a story uses (its hero and those in its body): each found inside its folder's images,
 * measured, hashed for its URL and stamped (entries.ts), once per file within one read.
 */
import { createHash } from "node:crypto";
import { promises as fs, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { BodyPhoto, HeroImage } from "./article";
import type { ImageStamp } from "./entries";
import { isInsideContent } from "./inside";
import type { ParsedArticle } from "./parse";
import type { ContentProblem } from "./problems";

export const OUTSIDE =
  "leads through a symbolic link to outside the content folders; only files inside them are published";

/** Image facts per file, shared within one read so a photo used by many stories is hashed once. */
export type ImageCache = Map<string, Promise<ImageFacts>>;

export function uniqueStamps(stamps: readonly ImageStamp[]): ImageStamp[] {
  return stamps.filter((s, i) => stamps.findIndex((t) => t.file === s.file) === i);
}

type HeroResult =
  { ok: true; hero: HeroImage; file: string; stamp: ImageStamp } | { ok: false; message: string };
type ImageFacts =
  | { url: string; width: number; height: number; bytes: number; type: string; stamp: ImageStamp }
  | { error: string };

export async function loadHero(
  dirs: readonly string[],
  dir: string,
  article: ParsedArticle,
  images: ImageCache,
): Promise<HeroResult> {
  const { src, alt, caption, credit } = article.hero;
  const found = await loadImage(dirs, dir, src, images);
  if (!found.ok) return found;
  const { url, width, height, bytes, type, stamp } = found.facts;
  return {
    ok: true,
    hero: { url, width, height, bytes, type, alt, caption, credit },
    file: found.file,
    stamp,
  };
}

/** The body's photos, each found, measured and hashed exactly as the hero is. */
export async function loadBodyPhotos(
  dirs: readonly string[],
  dir: string,
  article: ParsedArticle,
  images: ImageCache,
): Promise<
  | { ok: true; photos: BodyPhoto[]; media: Map<string, string>; stamps: ImageStamp[] }
  | { ok: false; problems: Omit<ContentProblem, "file">[] }
> {
  const photos: BodyPhoto[] = [];
  const media = new Map<string, string>();
  const stamps: ImageStamp[] = [];
  const problems: Omit<ContentProblem, "file">[] = [];
  for (const { src, line } of article.photos) {
    const found = await loadImage(dirs, dir, src, images);
    if (!found.ok)
      problems.push({ field: "body", message: `line ${line}: photo "${src}": ${found.message}` });
    else if (!photos.some((p) => p.src === src)) {
      const { url, width, height, stamp } = found.facts;
      photos.push({ src, url, width, height });
      media.set(url, found.file);
      stamps.push(stamp);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, photos, media, stamps };
}

type ImageResult =
  { ok: true; facts: Exclude<ImageFacts, { error: string }>; file: string } | { ok: false; message: string };

async function loadImage(
  dirs: readonly string[],
  dir: string,
  src: string,
  images: ImageCache,
): Promise<ImageResult> {
  const imagesDir = path.join(dir, "images");
  const file = path.resolve(dir, src);
  if (!file.startsWith(imagesDir + path.sep))
    return { ok: false, message: "must stay inside the images folder" };
  // Many stories share a photo: read, hash and measure each file once.
  let facts = images.get(file);
  if (!facts) {
    facts = imageFacts(dirs, file, src, imagesDir);
    images.set(file, facts);
  }
  const found = await facts;
  if ("error" in found) return { ok: false, message: found.error };
  return { ok: true, facts: found, file };
}

async function imageFacts(
  dirs: readonly string[],
  file: string,
  src: string,
  imagesDir: string,
): Promise<ImageFacts> {
  // Taken before the read: a photo replaced meanwhile then differs from its stamp (snapshot.ts).
  const stat = (() => {
    try {
      return statSync(file, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  })();
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (bytes && !(await isInsideContent(file, dirs))) return { error: `${src} ${OUTSIDE}` };
  if (!bytes || !stat) {
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
    stamp: { file, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino },
  };
}
