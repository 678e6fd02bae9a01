import type { Correction } from "@/lib/content/article";
import { DateTime } from "@/components/ui/DateTime";

/** The corrections to a story, oldest first, where readers meet them: above the text. */
export function Corrections({ corrections }: { corrections: Correction[] }) {
  if (corrections.length === 0) return null;
  return (
    <aside
      aria-labelledby="corrections-heading"
      className="border-accent bg-panel mb-8 rounded border-l-4 p-4 text-base"
    >
      <h2 id="corrections-heading" className="font-sans font-bold">
        {corrections.length === 1 ? "Correction" : "Corrections"}
      </h2>
      <ul className="mt-2 space-y-2">
        {corrections.map((c) => (
          <li key={`${c.date}${c.text}`}>
            <span className="text-muted text-sm">
              <DateTime iso={c.date} />:
            </span>{" "}
            {c.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}
