import type { KeyEvent } from "@/lib/content/live-view";

/** The "Key events" box at the head of live coverage: each links to its update. */
export function KeyEvents({ events }: { events: readonly KeyEvent[] }) {
  if (events.length === 0) return null;
  return (
    <nav aria-labelledby="key-events-heading" className="bg-panel mt-4 p-4">
      <h2 id="key-events-heading" className="font-sans text-sm font-bold tracking-wider uppercase">
        Key events
      </h2>
      <ul className="mt-2 list-none space-y-2 p-0">
        {events.map((e) => (
          <li key={e.id} className="text-sm">
            <span className="text-muted mr-2">{e.time}</span>
            <a href={e.href} className="underline">
              {e.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
