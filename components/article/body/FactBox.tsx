/** A fact box: a titled panel of facts beside the story (its Markdown sanitised by the pipeline). */
export function FactBox({ title, html }: { title: string; html: string }) {
  return (
    <div className="body-factbox" role="note" aria-label={title}>
      <p className="body-factbox-title">{title}</p>
      <div className="body-flow" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
