/**
 * One content file's text → a validated article, or every problem found in it. Pure: no file system.
 */
import matter from "gray-matter";
import yaml from "js-yaml";
import type { z } from "zod";
import { inspectBody, type PhotoRef } from "./body-syntax";
import { closest, type ContentProblem } from "./problems";
import {
  CORRECTION_KEYS,
  FRONT_MATTER_KEYS,
  HERO_KEYS,
  SLUG_MAX,
  SLUG_PATTERN,
  UPDATE_KEYS,
  frontMatterSchema,
  updateSchema,
  type FrontMatter,
  type UpdateFrontMatter,
} from "./schema";

export type ParsedArticle = FrontMatter & {
  slug: string;
  /** Markdown body, exactly as written. */
  body: string;
  /** Path of the file relative to its content folder, for messages. */
  file: string;
  /** Photos the body shows, with their lines in the file (the loader finds and measures them). */
  photos: PhotoRef[];
};

export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; problems: ContentProblem[] };

/** YAML's core schema: dates stay strings, so their UTC offset survives. */
const matterOptions = {
  engines: { yaml: (s: string): object => toObject(yaml.load(s, { schema: yaml.CORE_SCHEMA })) },
};

function toObject(value: unknown): object {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value
    : { __notAMapping: value };
}

/** A live story's update: `{section}/{slug}/updates/{id}.md`; its story is that folder's index.md. */
const UPDATE_FILE = /^(.+)\/updates\/([^/]+)\.md$/i;

/** The story file an update belongs to, or undefined when `file` is not an update. */
export function updateParent(file: string): string | undefined {
  const m = UPDATE_FILE.exec(file);
  return m ? `${m[1]}/index.md` : undefined;
}

/** A story's slug: its file name, or its folder's name for a story in its own folder (index.md). */
function slugFromFile(file: string): string {
  const parts = file.split("/");
  const base = (parts.pop() ?? file).replace(/\.md$/i, "");
  return base === "index" && parts.length > 1 ? (parts.pop() ?? base) : base;
}

/** The front matter and text of a file, or the problem that stops them being read (fronts use it too). */
export function readMatter(
  raw: string,
  add: (message: string) => void,
): { data: unknown; body: string } | undefined {
  if (raw.includes("\u0000") || raw.includes("\uFFFD")) {
    add("is not a UTF-8 text file");
    return undefined;
  }
  if (!/^(\uFEFF)?---\r?\n/.test(raw)) {
    add("has no front matter: the file must start with a line of three dashes (---)");
    return undefined;
  }
  let data: unknown;
  let body: string;
  try {
    const parsed = matter(raw, matterOptions);
    data = parsed.data;
    body = parsed.content.trim();
  } catch (error) {
    add(`front matter is not valid YAML: ${yamlMessage(error)}`);
    return undefined;
  }
  if (data !== null && typeof data === "object" && "__notAMapping" in data) {
    add("front matter must be a list of fields (name: value)");
    return undefined;
  }
  return { data, body };
}

function checkSlug(name: string, what: string, add: (message: string) => void): void {
  if (!SLUG_PATTERN.test(name) || name.length > SLUG_MAX) {
    add(
      `${what} "${name}" must be a slug: lower-case letters, digits and single hyphens, at most ${SLUG_MAX} characters`,
    );
  }
}

export type ParsedUpdate = UpdateFrontMatter & { id: string; body: string; file: string };
export type UpdateParseResult =
  { ok: true; update: ParsedUpdate } | { ok: false; problems: ContentProblem[] };

/** One update file's text → a validated update, or every problem found in it. */
export function parseUpdate(file: string, raw: string): UpdateParseResult {
  const problems: ContentProblem[] = [];
  const add = (message: string, field?: string) => problems.push({ file, field, message });
  const id = (file.split("/").pop() ?? file).replace(/\.md$/i, "");
  checkSlug(id, "update file name", add);
  const read = readMatter(raw, add);
  if (!read) return { ok: false, problems };
  const result = updateSchema.safeParse(read.data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...problemsFromIssue(file, issue, UPDATE_KEYS));
  }
  if (read.body.length === 0) add("has no text below the front matter");
  const block = read.body
    .split("\n")
    .findIndex((line) => /!\[[^\]]*\]\(/.test(line) || /^::/.test(line.trim()));
  if (block >= 0) {
    add(
      `line ${block + 1} of the text: photos and other blocks are not supported in updates yet; put them in the story`,
      "body",
    );
  }
  if (!result.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, update: { ...result.data, id, body: read.body, file } };
}

export function parseArticle(file: string, raw: string): ParseResult {
  const problems: ContentProblem[] = [];
  const add = (message: string, field?: string) => problems.push({ file, field, message });

  checkSlug(slugFromFile(file), "file name", add);
  const slug = slugFromFile(file);
  const read = readMatter(raw, add);
  if (!read) return { ok: false, problems };
  const { data, body } = read;

  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...problemsFromIssue(file, issue));
  }
  if (body.length === 0) add("has no article text below the front matter");

  if (result.success && result.data.dateline && body.length > 0) {
    const prefix = `${result.data.dateline}:`;
    if (!body.startsWith(prefix)) {
      problems.push({ file, field: "dateline", message: `the article text must begin with "${prefix}"` });
    }
  }

  const inspected = inspectBody(body, firstLineOf(raw, body));
  for (const p of inspected.problems) add(`line ${p.line}: ${p.message}`, "body");

  if (!result.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, article: { ...result.data, slug, body, file, photos: inspected.photos } };
}

/** The line of the file the body starts on, so body problems name the line an editor sees. */
function firstLineOf(raw: string, body: string): number {
  const closing = raw.indexOf("\n---", 3);
  const at = body.length > 0 ? raw.indexOf(body, closing < 0 ? 0 : closing + 4) : -1;
  return at < 0 ? 1 : raw.slice(0, at).split("\n").length;
}

function problemsFromIssue(
  file: string,
  issue: z.core.$ZodIssue,
  topKeys: readonly string[] = FRONT_MATTER_KEYS,
): ContentProblem[] {
  const parent = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const known =
      parent === "hero" ? HERO_KEYS : parent.startsWith("corrections.") ? CORRECTION_KEYS : topKeys;
    return issue.keys.map((key) => {
      const hint = closest(key, known);
      return {
        file,
        field: parent ? `${parent}.${key}` : key,
        message: `is not a known field${hint ? ` (did you mean "${hint}"?)` : ""}`,
      };
    });
  }
  return [{ file, field: parent || undefined, message: issue.message }];
}

function yamlMessage(error: unknown): string {
  if (error instanceof yaml.YAMLException) {
    const line = error.mark ? ` (line ${error.mark.line + 2} of the file)` : "";
    return `${error.reason}${line}`;
  }
  return error instanceof Error ? error.message : String(error);
}
