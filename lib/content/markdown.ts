/**
 * Markdown → safe HTML, as one unified pipeline of small steps:
 * parse (lib/content/body-syntax.ts) → HTML tree (raw HTML dropped) → sanitise → mark the dateline →
 * external link rel → string. Used for the runs of plain Markdown between a body's blocks
 * (lib/content/blocks.ts) and for what is inside a pull quote, fact box or table.
 */
import type { Element, ElementContent, Root } from "hast";
import type { RootContent } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { parseBody } from "./body-syntax";

/** GitHub's sanitising schema, without user-content id clobbering concerns: we emit no ids. */
const sanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto", "tel"] },
};

/**
 * Wraps a leading "WASHINGTON:" in the first paragraph in a span, so the dateline can be styled
 * without the editor writing markup.
 */
function rehypeDateline() {
  return (tree: Root, file: { data: { dateline?: unknown } }) => {
    if (typeof file.data.dateline !== "string") return;
    const prefix = `${file.data.dateline}:`;
    const first = tree.children.find((n): n is Element => n.type === "element" && n.tagName === "p");
    const head = first?.children[0];
    if (!first || head?.type !== "text" || !head.value.startsWith(prefix)) return;
    const dateline: ElementContent = {
      type: "element",
      tagName: "span",
      properties: { className: ["dateline"] },
      children: [{ type: "text", value: prefix }],
    };
    first.children.splice(0, 1, dateline, { type: "text", value: head.value.slice(prefix.length) });
  };
}

const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeDateline)
  .use(rehypeExternalLinks, { rel: ["noopener", "noreferrer"] })
  .freeze();
const stringify = unified().use(rehypeStringify).freeze();

declare module "vfile" {
  interface DataMap {
    dateline: string;
  }
}

/** Sanitised HTML of a run of a body's nodes; the dateline is marked if it opens the run. */
export function renderFlow(nodes: readonly RootContent[], dateline?: string): string {
  const hast = toHtml.runSync({ type: "root", children: [...nodes] }, { data: dateline ? { dateline } : {} });
  return stringify.stringify(hast);
}

/** A whole Markdown text as sanitised HTML, blocks and all written as plain Markdown would be. */
export function renderMarkdown(markdown: string, options: { dateline?: string } = {}): string {
  return renderFlow(parseBody(markdown).children, options.dateline);
}
