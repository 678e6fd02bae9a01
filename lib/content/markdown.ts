/**
 * Markdown → safe HTML, as one unified pipeline of small steps:
 * parse → HTML tree (raw HTML dropped) → sanitise → mark the dateline → external link rel → string.
 */
import type { Element, ElementContent, Root } from "hast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** GitHub's sanitising schema, without user-content id clobbering concerns: we emit no ids. */
const sanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto", "tel"] },
};

/**
 * Wraps a leading "WASHINGTON:" in the first paragraph in a span, so the dateline can be styled
 * without the editor writing markup.
 */
function rehypeDateline(options: { dateline?: string }) {
  return (tree: Root) => {
    if (!options.dateline) return;
    const prefix = `${options.dateline}:`;
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

export function renderMarkdown(markdown: string, options: { dateline?: string } = {}): string {
  const file = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeDateline, options)
    .use(rehypeExternalLinks, { rel: ["noopener", "noreferrer"] })
    .use(rehypeStringify)
    .processSync(markdown);
  return String(file);
}
