import { ShareIcon } from "@/components/share/ShareIcon";
import { spokenLength } from "./ListenPlayer";

/**
 * A FAST card's "Listen to this summary": a small round control at the end of the card's top row (a
 * phone's row of controls has no room for a fifth), a native disclosure (<details>) that opens the
 * browser's own player below it: it works by touch, keyboard and screen reader with JavaScript off,
 * and no audio loads until the reader presses play. 28 px, over the WCAG 2.2 minimum of 24, drawn
 * into the row's height (negative margins) so the card's text keeps its room. Put it in a
 * positioned row.
 */
export function CardListen({ url, seconds, title }: { url: string; seconds: number; title: string }) {
  const label = `Listen to this summary (${spokenLength(seconds)})`;
  return (
    <details className="-my-1.5 shrink-0 normal-case">
      <summary className="border-rule hover:border-ink bg-page text-ink inline-flex size-7 cursor-pointer list-none items-center justify-center rounded-full border tracking-normal [&::-webkit-details-marker]:hidden">
        <ShareIcon name="listen" size={16} />
        <span className="sr-only">
          {label}: {title}
        </span>
      </summary>
      <div className="bg-page border-rule absolute inset-x-0 top-full z-10 mt-2 rounded-xl border p-3 font-normal tracking-normal shadow-lg">
        <p className="text-sm font-bold">{label}</p>
        <audio controls preload="none" src={url} aria-label={`${label}: ${title}`} className="mt-2 w-full">
          <a href={url}>Download the narration (MP3)</a>
        </audio>
        <p className="text-muted mt-1 text-xs">Read by a computer-generated voice.</p>
      </div>
    </details>
  );
}
