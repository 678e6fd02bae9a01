import { siteConfig } from "@/lib/config/site";
import { ListenControls } from "./ListenControls.island";

/**
 * "Listen to this story": the browser's own audio player, which works with JavaScript off and loads
 * no audio until the reader presses play (preload="none"), with what scripts add beneath it
 * (ListenControls: skips, time left, speed, resume, lock-screen controls). Its length is known
 * before any byte arrives (the narration's sidecar), so the label says it.
 */
export function ListenPlayer({ url, seconds, title }: { url: string; seconds: number; title: string }) {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return (
    <section aria-labelledby="listen-heading" className="border-rule mb-6 rounded-lg border p-3">
      <h2 id="listen-heading" className="text-sm font-bold">
        Listen to this story ({minutes} min)
      </h2>
      <audio
        id="listen-audio"
        controls
        preload="none"
        src={url}
        aria-labelledby="listen-heading"
        className="mt-2 w-full"
      >
        <a href={url}>Download the narration (MP3)</a>
      </audio>
      <ListenControls
        audioId="listen-audio"
        url={url}
        seconds={seconds}
        title={title}
        site={siteConfig.name}
      />
      <p className="text-muted mt-1 text-xs">Read by a computer-generated voice.</p>
    </section>
  );
}
