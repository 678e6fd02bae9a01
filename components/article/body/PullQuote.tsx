/** A pull quote: a line from the story set large, with who said it. */
export function PullQuote({ html, cite }: { html: string; cite?: string }) {
  return (
    <figure className="body-pullquote">
      <blockquote dangerouslySetInnerHTML={{ __html: html }} />
      {cite ? <figcaption>{cite}</figcaption> : null}
    </figure>
  );
}
