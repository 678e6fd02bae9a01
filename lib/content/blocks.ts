/**
 * A story body as a list of typed blocks (a tagged union, as the Guardian's elements): runs of plain
 * Markdown become sanitised HTML ("flow"); photos, galleries, tables, pull quotes, fact boxes, embeds
 * and "Read also" cards each become their own block, rendered by their own component
 * (components/article/body/BodyBlocks.tsx) or written out for feeds (lib/content/body-html.ts).
 */
import type { Image, Nodes, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective } from "mdast-util-directive";
import type { BodyPhoto } from "./article";
import { STORY_REF, galleryPhotos, isPhotoParagraph, parseBody } from "./body-syntax";
import { embedOf, type Embed } from "./embeds";
import { renderFlow } from "./markdown";
import { bareCredit } from "./schema";

export type PhotoBlock = {
  _type: "photo";
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
};

export type BodyBlock =
  | { _type: "flow"; html: string }
  | PhotoBlock
  | { _type: "gallery"; photos: PhotoBlock[] }
  | { _type: "table"; html: string; text: string }
  | { _type: "pullquote"; html: string; cite?: string }
  | { _type: "factbox"; title: string; html: string }
  | ({ _type: "embed" } & Embed)
  | { _type: "related"; section: string; slug: string };

export type BlockOptions = { dateline?: string; photos?: readonly BodyPhoto[] };

/** The body's blocks. Anything the loader would refuse (lib/content/body-syntax.ts) is left out. */
export function bodyBlocks(markdown: string, options: BlockOptions = {}): BodyBlock[] {
  const photos = new Map((options.photos ?? []).map((p) => [p.src, p]));
  const photo = (
    src: string | null | undefined,
    alt: string | null | undefined,
    caption?: string,
    credit?: string,
  ) => {
    const found = src ? photos.get(src) : undefined;
    if (!found || !alt?.trim()) return [];
    const block: PhotoBlock = {
      _type: "photo",
      url: found.url,
      width: found.width,
      height: found.height,
      alt,
    };
    if (caption?.trim()) block.caption = caption.trim();
    if (credit?.trim()) block.credit = bareCredit(credit.trim());
    return [block];
  };
  const fromImage = (i: Image) => photo(i.url, i.alt, i.title ?? undefined);
  const fromLeaf = (d: LeafDirective) =>
    photo(d.attributes?.src, d.attributes?.alt, textOf(d), d.attributes?.credit ?? undefined);

  const blocks: BodyBlock[] = [];
  let run: RootContent[] = [];
  let first = true;
  const flush = () => {
    if (run.length === 0) return;
    const html = renderFlow(run, first ? options.dateline : undefined);
    first = false;
    run = [];
    if (html) blocks.push({ _type: "flow", html });
  };
  const push = (...found: BodyBlock[]) => {
    flush();
    first = false;
    blocks.push(...found);
  };

  for (const node of parseBody(markdown).children) {
    if (node.type === "paragraph" && isPhotoParagraph(node)) {
      push(...node.children.flatMap((c) => (c.type === "image" ? fromImage(c) : [])));
      continue;
    }
    const embed = node.type === "paragraph" ? embedOf(node) : undefined;
    if (embed) {
      push({ _type: "embed", ...embed });
      continue;
    }
    if (node.type === "table") {
      push({ _type: "table", html: renderFlow([node]), text: textOf(node) });
      continue;
    }
    if (node.type === "leafDirective" || node.type === "containerDirective") {
      push(...directiveBlocks(node, { fromImage, fromLeaf, photo }));
      continue;
    }
    run.push(node);
  }
  flush();
  return blocks;
}

function directiveBlocks(
  node: LeafDirective | ContainerDirective,
  make: {
    fromImage: (i: Image) => PhotoBlock[];
    fromLeaf: (d: LeafDirective) => PhotoBlock[];
    photo: (src?: string | null, alt?: string | null, caption?: string, credit?: string) => PhotoBlock[];
  },
): BodyBlock[] {
  const a = node.attributes ?? {};
  if (node.type === "leafDirective") {
    if (node.name === "photo") return make.fromLeaf(node);
    if (node.name === "related" && a.story && STORY_REF.test(a.story)) {
      const [section = "", slug = ""] = a.story.split("/");
      return [{ _type: "related", section, slug }];
    }
    return [];
  }
  const children: RootContent[] = node.children;
  switch (node.name) {
    case "photo":
      return make.photo(a.src, a.alt, textOf(node), a.credit ?? undefined);
    case "gallery": {
      const photos = (galleryPhotos(node) ?? []).flatMap((p) =>
        p.type === "image" ? make.fromImage(p) : make.fromLeaf(p),
      );
      return photos.length > 0 ? [{ _type: "gallery", photos }] : [];
    }
    case "pullquote": {
      const cite = a.cite?.trim();
      return [{ _type: "pullquote", html: renderFlow(children), ...(cite ? { cite } : {}) }];
    }
    case "factbox":
      return a.title?.trim() ? [{ _type: "factbox", title: a.title.trim(), html: renderFlow(children) }] : [];
    default:
      return [];
  }
}

/** The words of a node as a reader sees them (captions are plain text: no markup to escape later). */
function textOf(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if (!("children" in node)) return "";
  const parts = node.children.map(textOf);
  const block = node.type === "table" || node.type === "tableRow" || node.type === "containerDirective";
  return parts
    .join(block ? " " : "")
    .replace(/\s+/g, " ")
    .trim();
}
