import { ShareIcon } from "@/components/share/ShareIcon";
import { spokenLength } from "./ListenPlayer";

/**
 * A FAST card's "Listen to this summary": one round control in the card's row, a native disclosure
 * (<details>) that opens the browser's own player above the row, as the card's share bar does on a
 * phone: it works by touch, keyboard and screen reader with JavaScript off, and no audio loads until
 * the reader presses play. Put it in the card's positioned row.
 */
export function CardListen({ url, seconds, title }: { url: string; seconds: number; title: string }) {
  const label = `Listen to this summary (${spokenLength(seconds)})`;
  return (
    <details>
      <summary className="border-rule hover:border-ink bg-page inline-flex size-11 cursor-pointer list-none items-center justify-center rounded-full border [&::-webkit-details-marker]:hidden">
        <ShareIcon name="listen" />
        <span className="sr-only">
          {label}: {title}
        </span>
      </summary>
      <div className="bg-page border-rule absolute inset-x-0 bottom-full z-10 mb-2 rounded-xl border p-3 shadow-lg">
        <p className="text-sm font-bold">{label}</p>
        <audio controls preload="none" src={url} aria-label={`${label}: ${title}`} className="mt-2 w-full">
          <a href={url}>Download the narration (MP3)</a>
        </audio>
        <p className="text-muted mt-1 text-xs">Read by a computer-generated voice.</p>
      </div>
    </details>
  );
}
