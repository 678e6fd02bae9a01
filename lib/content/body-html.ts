/**
 * A story body as one HTML string, for places with no React and no CSS: feed readers. Photos are
 * figures with absolute URLs, embeds plain links to the original, "Read also" a link. Everything
 * the editor wrote goes in as text nodes (escaped) or as the pipeline's sanitised HTML.
 */
import type { Element, ElementContent, Root } from "hast";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import type { Article } from "./article";
import { bodyBlocks, type BodyBlock, type PhotoBlock } from "./blocks";

type Links = {
  absolute: (path: string) => string;
  /** A public story by slug, for "Read also"; undefined when it is not public. */
  story: (slug: string) => Article | undefined;
};

const stringify = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze();

const el = (tagName: string, properties: Element["properties"], children: ElementContent[]): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: "text", value });
/** HTML the pipeline has already sanitised. */
const raw = (value: string): ElementContent => ({ type: "raw", value });

function figure(photo: PhotoBlock, links: Links): Element {
  const caption = [photo.caption, photo.credit ? `(Photo: ${photo.credit})` : undefined]
    .filter(Boolean)
    .join(" ");
  const img = el(
    "img",
    { src: links.absolute(photo.url), alt: photo.alt, width: photo.width, height: photo.height },
    [],
  );
  return el("figure", {}, caption ? [img, el("figcaption", {}, [text(caption)])] : [img]);
}

function toHast(block: BodyBlock, links: Links): ElementContent[] {
  switch (block._type) {
    case "flow":
    case "table":
      return [raw(block.html)];
    case "photo":
      return [figure(block, links)];
    case "gallery":
      return block.photos.map((p) => figure(p, links));
    case "pullquote":
      return [
        el("blockquote", {}, [
          raw(block.html),
          ...(block.cite ? [el("p", {}, [text(`— ${block.cite}`)])] : []),
        ]),
      ];
    case "factbox":
      return [el("aside", {}, [el("h3", {}, [text(block.title)]), raw(block.html)])];
    case "embed":
      return [
        el("p", {}, [
          el("a", { href: block.url }, [text(`${block.kind} on ${block.provider}: ${block.url}`)]),
        ]),
      ];
    case "related": {
      const story = links.story(block.slug);
      if (story?.section.slug !== block.section) return [];
      return [
        el("p", {}, [
          text("Read also: "),
          el("a", { href: links.absolute(story.path) }, [text(story.title)]),
        ]),
      ];
    }
    default:
      return assertUnreachable(block);
  }
}

function assertUnreachable(block: never): never {
  throw new Error(`unknown body block: ${JSON.stringify(block)}`);
}

export function bodyHtml(article: Article, links: Links): string {
  const blocks = bodyBlocks(article.body, { dateline: article.dateline, photos: article.photos });
  const parts = blocks.map((b) => toHast(b, links)).filter((p) => p.length > 0);
  const children = parts.flatMap((p, i) => (i > 0 ? [text("\n"), ...p] : p));
  const root: Root = { type: "root", children };
  return stringify.stringify(root);
}
