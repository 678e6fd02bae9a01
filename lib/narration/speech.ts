/**
 * The words a story's narration speaks (issue 24), a pure transform with its tests beside it:
 * headline, standfirst, then the body's paragraphs, headings, list items and fact boxes as plain
 * sentences; the dateline read as a word ("WASHINGTON:" is "Washington."); no URLs, markup, photos,
 * captions, galleries, embeds, tables, pull quotes (they repeat the body) or "Read also" cards; the
 * corrections last, each as "Correction: …".
 *
 * A live story is narrated as its headline, standfirst and key points (its FAST summary), not its
 * updates: they change by the minute, and a narration remade for every one of them would always be
 * behind the page. It is remade when those words change, as any story's is.
 */
import type { Nodes, RootContent } from "mdast";
import type { Article } from "@/lib/content/article";
import { isPhotoParagraph, parseBody } from "@/lib/content/body-syntax";
import { embedOf } from "@/lib/content/embeds";

export type Speakable = Pick<
  Article,
  "title" | "standfirst" | "body" | "dateline" | "summary" | "corrections" | "live"
>;

/** The narration's text: paragraphs separated by blank lines, each ending as a sentence. */
export function spokenText(article: Speakable): string {
  const parts = [article.title, article.standfirst];
  if (article.live) {
    if (article.summary?.length) parts.push("Key points.", ...article.summary);
  } else {
    parts.push(...bodyParagraphs(article.body, article.dateline));
  }
  for (const c of article.corrections) parts.push(`Correction: ${c.text}`);
  return parts.map(sentence).filter(Boolean).join("\n\n");
}

/**
 * A story's summary as spoken (the summary view's and its FAST card's short narration, and one story
 * of the FAST briefing): its headline, then its points.
 */
export function summarySpeech(article: Pick<Article, "title" | "summary">): string {
  return [article.title, ...(article.summary ?? [])].map(sentence).filter(Boolean).join("\n\n");
}

/** The FAST briefing's parts, read one after another with a pause between: a title, then each story. */
export function briefingParts(
  stories: readonly Pick<Article, "title" | "summary">[],
  siteName: string,
): string[] {
  return [sentence(`The ${siteName} FAST briefing`), ...stories.map(summarySpeech)];
}

/** The body's readable paragraphs, in order. */
export function bodyParagraphs(markdown: string, dateline?: string): string[] {
  const out: string[] = [];
  for (const node of parseBody(markdown).children) collect(node, out);
  if (!dateline) return out;
  // "WASHINGTON: The United States …" → "Washington. The United States …" (the first paragraph
  // that opens with it: a heading may come first).
  const prefix = `${dateline}:`;
  const at = out.findIndex((p) => p.startsWith(prefix));
  if (at < 0) return out;
  return out.map((p, i) => (i === at ? `${titleCase(dateline)}. ${p.slice(prefix.length).trim()}` : p));
}

function collect(node: RootContent, out: string[]) {
  switch (node.type) {
    case "paragraph":
      // A photo, or a link on its own line that the page shows as an embedded post or video.
      if (!isPhotoParagraph(node) && !embedOf(node)) out.push(textOf(node));
      return;
    case "heading":
      out.push(textOf(node));
      return;
    case "list":
      for (const item of node.children) for (const child of item.children) collect(child, out);
      return;
    case "blockquote":
      for (const child of node.children) collect(child, out);
      return;
    case "containerDirective":
      if (node.name === "factbox") {
        const title = node.attributes?.title;
        if (title) out.push(title);
        for (const child of node.children) collect(child, out);
      }
      return;
    default:
      // Photos, galleries, pull quotes, tables, code, embeds, "Read also", raw HTML: not read.
      return;
  }
}

/** The words of a node: text and link text; images, HTML and footnote syntax left out. */
function textOf(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "break" || node.type === "html") return " ";
  if (node.type === "image" || node.type === "imageReference") return "";
  if ("children" in node) return node.children.map((c: Nodes) => textOf(c)).join("");
  return "";
}

/** One paragraph as a spoken sentence: single-spaced, no web addresses, ending in punctuation. */
function sentence(text: string): string {
  const clean = text
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, "")
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .trim();
  if (!clean) return "";
  return /[.!?…:;"'’”)]$/.test(clean) ? clean : `${clean}.`;
}

/** "NEW YORK" → "New York"; a dateline already in mixed case is kept. */
function titleCase(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
