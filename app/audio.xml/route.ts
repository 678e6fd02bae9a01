import { buildPodcast, type Episode } from "@/lib/feeds/podcast";
import { xmlResponse } from "@/lib/feeds/xml";
import { getAudioEpisodes } from "@/lib/site/listen";

export const dynamic = "force-static";
// Refreshed when a narration is made (lib/site/refresh.ts); this is the backstop.
export const revalidate = 300;

/** The audio feed for podcast apps: the FAST briefing and the newest narrated stories. */
export async function GET() {
  const { briefing, stories } = await getAudioEpisodes();
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
  if (briefing)
    episodes.unshift({
      guid: briefing.hash,
      title: "The FAST briefing",
      description: "The day's top stories in brief, read one after another.",
      link: "/fast",
      audio: { url: briefing.url, bytes: briefing.bytes, seconds: briefing.seconds },
      date: new Date(briefing.made || 0),
    });
  return xmlResponse(buildPodcast(episodes), "application/rss+xml");
}
