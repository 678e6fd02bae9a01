import { ListenPlayer } from "@/components/listen/ListenPlayer";
import { DateTime } from "@/components/ui/DateTime";

/**
 * "Listen to the briefing" on /fast: the deck's first cards read one after another, stamped with the
 * time it was made. It stands above the first card, with the site's header (the deck opens at the
 * card; the first card links up here).
 */
export function FastBriefing({ url, seconds, made }: { url: string; seconds: number; made: string }) {
  return (
    <div id="briefing" className="fast-briefing mx-auto max-w-xl px-2 pt-3 sm:px-4">
      <ListenPlayer
        url={url}
        seconds={seconds}
        title="The FAST briefing"
        label="Listen to the briefing"
        id="briefing"
      >
        {made ? (
          <>
            {" "}
            Made <DateTime iso={made} />.
          </>
        ) : null}{" "}
        <a href="/audio.xml" className="underline">
          Podcast feed
        </a>
      </ListenPlayer>
    </div>
  );
}
