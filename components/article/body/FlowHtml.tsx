/** A run of plain Markdown, already sanitised by the pipeline (lib/content/markdown.ts). */
export function FlowHtml({ html }: { html: string }) {
  return <div className="body-flow" dangerouslySetInnerHTML={{ __html: html }} />;
}
