/**
 * A GFM table (sanitised HTML from the pipeline) in a scroll container: on a phone a wide table
 * scrolls sideways inside its frame, whose edge and shadow show there is more. The container is a
 * focusable region so a keyboard can scroll it too.
 */
export function TableBlock({ html }: { html: string }) {
  return (
    <div
      className="body-table"
      role="region"
      aria-label="Table"
      tabIndex={0}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
