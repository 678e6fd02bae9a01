import { buildPodcast, type Episode } from "@/lib/feeds/podcast";
import { xmlResponse } from "@/lib/feeds/xml";
import { formatDateTime } from "@/lib/format/time";
import { getAudioEpisodes } from "@/lib/site/listen";

export const dynamic = "force-static";
// Refreshed when a narration is made (lib/site/refresh.ts); this is the backstop.
export const revalidate = 300;

/** The audio feed for podcast apps: the FAST briefing and the newest narrated stories. */
export async function GET() {
  const { briefings, stories } = await getAudioEpisodes();
  const episodes: Episode[] = stories.map(({ article, narration }) => ({
    guid: narration.hash,
    title: article.title,
    description: article.standfirst,
    link: article.path,
    audio: {
      url: `${article.path}/listen/${narration.hash}.mp3`,
      bytes: narration.bytes,
      seconds: narration.seconds,
    },
    date: new Date(article.updated ?? article.published),
  }));
  // Each briefing on offer is an episode of its own, named by when it was made.
  episodes.unshift(
    ...briefings.map((b) => ({
      guid: b.hash,
      title: b.made ? `The FAST briefing, ${formatDateTime(b.made)}` : "The FAST briefing",
      description: "The day's top stories in brief, read one after another.",
      link: "/fast",
      audio: { url: b.url, bytes: b.bytes, seconds: b.seconds },
      date: b.made ? new Date(b.made) : new Date(),
    })),
  );
  return xmlResponse(buildPodcast(episodes), "application/rss+xml");
}
