import type { UpdateView } from "@/lib/content/live-view";

/**
 * One update of a live story: its time, title, byline, text, corrections, and its own link and share
 * link. Rendered by the server and, for updates that arrive later, by the live island: the same
 * markup either way. Its text is HTML the server rendered and sanitised (lib/content/markdown.ts).
 */
export function UpdateCard({ update }: { update: UpdateView }) {
  const heading = `update-${update.id}-heading`;
  const whatsapp = `https://wa.me/?text=${encodeURIComponent(update.shareUrl)}`;
  return (
    <article
      id={`update-${update.id}`}
      tabIndex={-1}
      aria-labelledby={heading}
      className="live-update border-rule scroll-mt-4 border-t py-4 focus:outline-none focus-visible:outline-2"
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <time dateTime={update.published} title={update.fullTime} className="text-accent text-sm font-bold">
          {update.time}
        </time>
        {update.pinned ? <span className="live-badge">Pinned</span> : null}
        {update.key ? <span className="live-badge">Key event</span> : null}
      </header>
      <h3 id={heading} className="mt-1 font-serif text-xl leading-snug font-bold">
        {update.title ?? <span className="sr-only">Update at {update.time}</span>}
      </h3>
      {update.byline ? <p className="text-muted mt-1 text-sm">{update.byline}</p> : null}
      <div className="article-body live-update-body mt-2" dangerouslySetInnerHTML={{ __html: update.html }} />
      {update.corrections.map((c) => (
        <p key={c.date} className="text-muted mt-2 text-sm">
          <strong>Correction:</strong> {c.text}
        </p>
      ))}
      <p className="mt-2 flex gap-4 text-sm">
        <a href={update.permalink} className="underline">
          Link to this update
        </a>
        <a href={whatsapp} className="underline" rel="noopener noreferrer" target="_blank">
          Share on WhatsApp<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
    </article>
  );
}
