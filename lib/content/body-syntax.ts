/**
 * The Markdown an editor may write in a story body, parsed and checked. CommonMark plus GFM tables,
 * and a few directives (remark-directive) for the blocks Markdown has no syntax for:
 *   ::photo[Caption]{src=images/x.jpg alt="…" credit="…"}   (or `:::photo{…}` caption `:::`)
 *   :::gallery  (photos, one a line)  :::
 *   :::pullquote{cite="…"}  text  :::
 *   :::factbox{title="…"}  Markdown  :::
 *   ::related{story=world/some-slug}
 * A Markdown image on a line of its own is a photo too: `![alt](images/x.jpg "Caption")`.
 * Pure: no file system. docs/CONTENT.md shows each block.
 */
import type { Image, Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective } from "mdast-util-directive";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { closest } from "./problems";

/** The same rule as the hero's `src` (lib/content/schema.ts). */
const IMAGE_SRC = /^images\/[A-Za-z0-9._/-]+\.(jpe?g|png|webp|avif)$/i;
export const STORY_REF = /^[a-z0-9-]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ATTRIBUTES: Record<string, { leaf: boolean; container: boolean; keys: string[]; required: string[] }> =
  {
    photo: { leaf: true, container: true, keys: ["src", "alt", "credit"], required: ["src", "alt"] },
    gallery: { leaf: false, container: true, keys: [], required: [] },
    pullquote: { leaf: false, container: true, keys: ["cite"], required: [] },
    factbox: { leaf: false, container: true, keys: ["title"], required: ["title"] },
    related: { leaf: true, container: false, keys: ["story"], required: ["story"] },
  };
const NAMES = Object.keys(ATTRIBUTES);

/** A photo the body uses, for the loader to find, measure and hash like the hero. */
export type PhotoRef = { src: string; line: number };
export type BodyProblem = { line: number; message: string };

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/**
 * The body's syntax tree. Text directives (`:name` inside a sentence, as in "Score:Arsenal") are not
 * part of the language: they are put back as the text the editor typed.
 */
export function parseBody(markdown: string): Root {
  const tree = parser.parse(markdown);
  restoreTextDirectives(tree, markdown);
  return tree;
}

function restoreTextDirectives(node: Nodes, source: string) {
  if (!("children" in node)) return;
  node.children.forEach((child, i) => {
    if (child.type === "textDirective") {
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? start;
      node.children[i] = { type: "text", value: source.slice(start, end) };
    } else restoreTextDirectives(child, source);
  });
}

/** Cheap test before a parse: a body with no image and no directive needs no checking. */
function mayHaveBlocks(markdown: string): boolean {
  return /!\[|(^|\n)[ \t]*::/.test(markdown);
}

/** Every photo the body uses and every problem in its blocks, with lines counted from `firstLine`. */
export function inspectBody(
  markdown: string,
  firstLine = 1,
): { photos: PhotoRef[]; problems: BodyProblem[] } {
  const photos: PhotoRef[] = [];
  const problems: BodyProblem[] = [];
  if (!mayHaveBlocks(markdown)) return { photos, problems };
  const lineOf = (n: Nodes) => (n.position?.start.line ?? 1) + firstLine - 1;
  const add = (n: Nodes, message: string) => problems.push({ line: lineOf(n), message });
  const photo = (n: Nodes, src: string | undefined, alt: string | undefined) => {
    if (!src) return;
    if (!IMAGE_SRC.test(src)) {
      add(n, `photo "${src}" must be a .jpg, .png, .webp or .avif file under images/, e.g. images/lab.jpg`);
    } else photos.push({ src, line: lineOf(n) });
    if (!alt?.trim())
      add(n, `photo "${src}" needs alt text, describing the photo for readers who cannot see it`);
  };

  const visit = (node: Nodes, parent: Nodes | undefined) => {
    if (node.type === "image") {
      const alone = parent?.type === "paragraph" && isPhotoParagraph(parent);
      if (!alone) add(node, `photo "${node.url}" must be on a line of its own`);
      photo(node, node.url, node.alt ?? undefined);
      return;
    }
    if (node.type === "leafDirective" || node.type === "containerDirective") {
      checkDirective(node, parent, add);
      if (node.name === "photo")
        photo(node, node.attributes?.src ?? undefined, node.attributes?.alt ?? undefined);
    }
    if ("children" in node) for (const child of node.children) visit(child, node);
  };
  visit(parseBody(markdown), undefined);
  return { photos, problems };
}

function checkDirective(
  node: LeafDirective | ContainerDirective,
  parent: Nodes | undefined,
  add: (n: Nodes, message: string) => void,
) {
  const colons = node.type === "leafDirective" ? "::" : ":::";
  const spec = ATTRIBUTES[node.name];
  if (!spec) {
    const hint = closest(node.name, NAMES);
    add(
      node,
      `${colons}${node.name} is not a known block${hint ? ` (did you mean ${colons}${hint}?)` : ""}; known: ${NAMES.join(", ")}`,
    );
    return;
  }
  if (node.type === "leafDirective" && !spec.leaf)
    add(node, `::${node.name} needs three colons and a closing ::: line`);
  if (node.type === "containerDirective" && !spec.container)
    add(node, `:::${node.name} takes two colons and no content, e.g. ::${node.name}{…}`);
  const attributes = node.attributes ?? {};
  for (const key of Object.keys(attributes)) {
    if (!spec.keys.includes(key)) {
      const hint = closest(key, spec.keys);
      add(
        node,
        `${colons}${node.name}: "${key}" is not a known attribute${hint ? ` (did you mean "${hint}"?)` : ""}`,
      );
    }
  }
  for (const key of spec.required) {
    if (!attributes[key]?.trim()) add(node, `${colons}${node.name} needs ${key}="…"`);
  }
  if (node.name === "related" && attributes.story && !STORY_REF.test(attributes.story)) {
    add(node, `::related story="${attributes.story}" must be section/slug, e.g. world/leaders-meet`);
  }
  if (node.name === "gallery" && node.type === "containerDirective") {
    const photos = galleryPhotos(node);
    if (photos === undefined) add(node, ":::gallery may hold only photos, one a line");
    else if (photos.length < 2) add(node, ":::gallery needs at least two photos");
  }
  if (parent?.type === "containerDirective" && parent.name !== "gallery" && node.name !== "related") {
    add(node, `${colons}${node.name} cannot be inside :::${parent.name}`);
  }
}

/** A paragraph holding nothing but images (and the line breaks between them). */
export function isPhotoParagraph(p: Paragraph): boolean {
  return (
    p.children.some((c) => c.type === "image") && p.children.every((c) => c.type === "image" || isBlank(c))
  );
}

function isBlank(c: PhrasingContent): boolean {
  return (c.type === "text" && c.value.trim() === "") || c.type === "break";
}

/** A gallery's photos in order (images and ::photo leaves), or undefined if it holds anything else. */
export function galleryPhotos(node: ContainerDirective): (Image | LeafDirective)[] | undefined {
  const photos: (Image | LeafDirective)[] = [];
  const children: RootContent[] = node.children;
  for (const child of children) {
    if (child.type === "leafDirective" && child.name === "photo") photos.push(child);
    else if (child.type === "paragraph" && isPhotoParagraph(child)) {
      for (const c of child.children) if (c.type === "image") photos.push(c);
    } else return undefined;
  }
  return photos;
}
