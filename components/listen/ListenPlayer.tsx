import { siteConfig } from "@/lib/config/site";
import { ListenControls } from "./ListenControls.island";

/** "N min" for the label, "N s" under a minute (a summary's narration). */
export function spokenLength(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`;
}

/**
 * "Listen to this story": the browser's own audio player, which works with JavaScript off and loads
 * no audio until the reader presses play (preload="none"), with what scripts add beneath it
 * (ListenControls: skips, time left, speed, resume, lock-screen controls). Its length is known
 * before any byte arrives (the narration's sidecar), so the label says it. `id` keeps two players on
 * one page apart; `children` go under the note (the briefing's time stamp).
 */
export function ListenPlayer({
  url,
  seconds,
  title,
  label = "Listen to this story",
  id = "listen",
  children,
}: {
  url: string;
  seconds: number;
  title: string;
  label?: string;
  id?: string;
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="border-rule mb-6 rounded-lg border p-3">
      <h2 id={`${id}-heading`} className="text-sm font-bold">
        {label} ({spokenLength(seconds)})
      </h2>
      <audio
        id={`${id}-audio`}
        controls
        preload="none"
        src={url}
        aria-labelledby={`${id}-heading`}
        className="mt-2 w-full"
      >
        <a href={url}>Download the narration (MP3)</a>
      </audio>
      <ListenControls
        audioId={`${id}-audio`}
        url={url}
        seconds={seconds}
        title={title}
        site={siteConfig.name}
      />
      <p className="text-muted mt-1 text-xs">Read by a computer-generated voice.{children}</p>
    </section>
  );
}
