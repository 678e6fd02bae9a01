/**
 * What the web version of a sent issue shows now. An issue is stored as it was mailed (issues.ts),
 * but a story in it may since have been unpublished, set to draft or re-embargoed: the archive asks
 * the public gate again each time it is served. Pure; the caller looks the stories up through the
 * content API and renders the result (archive-page.ts).
 */
import type { Article } from "@/lib/content/article";

/** briefText's line for each story; its URL names the story. */
const STORY_LINE = /^Read the full story: (\S+)$/gm;

/** The slugs of the stories an issue carried, in order, read from its stored plain-text part. */
export function issueSlugs(text: string): string[] {
  const slugs: string[] = [];
  for (const [, url = ""] of text.matchAll(STORY_LINE)) {
    // The path, not the whole URL: SITE_URL may have changed since the issue was sent.
    const slug = URL.parse(url)?.pathname.split("/").findLast(Boolean);
    if (slug) slugs.push(slug);
  }
  return slugs;
}

export type ArchiveView =
  /** Every story is still public: the stored issue, byte for byte as mailed. */
  | { kind: "as-mailed" }
  /** Some are not: the public ones only, and how many were left out. */
  | { kind: "reduced"; stories: Article[]; withdrawn: number }
  /** None is (or the issue names none): nothing of it is shown. */
  | { kind: "withdrawn" };

/**
 * The view of an issue that carried `slugs`, given the story readers may see now for each slug
 * (undefined when it is not public). Fails closed: an issue whose stories cannot be named shows nothing.
 */
export function archiveView(
  slugs: readonly string[],
  publicNow: readonly (Article | undefined)[],
): ArchiveView {
  const stories = publicNow.filter((a): a is Article => a !== undefined);
  if (stories.length === 0) return { kind: "withdrawn" };
  if (stories.length === slugs.length) return { kind: "as-mailed" };
  return { kind: "reduced", stories, withdrawn: slugs.length - stories.length };
}
