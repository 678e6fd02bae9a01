/**
 * Content files as read (load.ts reads them, content-index.ts joins them into the index): one type
 * per kind of file, in a module of their own so that neither of those two imports the other.
 */
import type { LiveUpdate, Article } from "./article";
import type { Body } from "./body";
import type { ContentProblem } from "./problems";

/**
 * What a file looked like when it was read, taken before reading it: a later start-up that finds it
 * just so uses what was read then (lib/content/snapshot.ts) instead of reading it again.
 */
type FileStamp = { mtimeMs: number; ctimeMs: number; size: number; ino: number };

/** An image file a story uses, with its stamp when it was read. */
export type ImageStamp = { file: string; mtimeMs: number; ctimeMs: number; ino: number };

/** One content file as read: its article, the hero image file it uses, and the file's stat. */
export type ContentEntry = {
  kind: "story";
  /** Unique across folders: the folder's index, a colon, the file's path inside it. */
  key: string;
  dir: string;
  file: string;
  /** How messages name the file (its path, prefixed by its folder when there are several). */
  label: string;
  article: Article;
  /** The article's body, packed (its `body` reads it). */
  body: Body;
  /** Absolute path of the hero image. */
  mediaFile: string;
  /** Served URL → absolute path of each photo in the body. */
  bodyMedia: ReadonlyMap<string, string>;
  /** The image files the article's facts (sizes, hashed URLs) were taken from. */
  images: readonly ImageStamp[];
} & FileStamp;

/** One update of a live story (`{section}/{slug}/updates/{id}.md`), joined to its story by the index. */
export type UpdateEntry = {
  kind: "update";
  key: string;
  dir: string;
  file: string;
  label: string;
  /** The key of the story file it belongs to (that folder's index.md). */
  parent: string;
  update: LiveUpdate;
} & FileStamp;

/** Any content file as read. */
export type AnyEntry = ContentEntry | UpdateEntry;

export type EntryResult =
  { ok: true; entry: AnyEntry } | { ok: false; problems: ContentProblem[]; gone?: boolean };
