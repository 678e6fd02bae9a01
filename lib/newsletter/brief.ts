/**
 * A brief: the stories a newsletter issue carries, with every link absolute to SITE_URL, rendered
 * once to HTML (React Email) and plain text. Pure apart from rendering: the caller passes the stories
 * (public ones, from the content API) and the window.
 */
import { absoluteUrl, siteConfig, type NewsletterConfig } from "@/lib/config/site";
import type { Article } from "@/lib/content/article";
import { fastCardPath } from "@/lib/config/paths";
import { formatDateTime } from "@/lib/format/time";
import type { BriefWindow } from "./window";

/** Stands where each recipient's unsubscribe link goes; replaced per message, never sent as is. */
export const UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/dispatch-unsubscribe-link";

/** A brief carries at most this many stories, newest first. */
const MAX_STORIES = 12;

type BriefStory = {
  title: string;
  section: string;
  url: string;
  fastUrl?: string;
  points?: string[];
  standfirst: string;
  imageUrl: string;
  imageAlt: string;
  published: string;
};

export type Brief = {
  key: string;
  listId: string;
  listName: string;
  siteName: string;
  siteUrl: string;
  siteHost: string;
  subject: string;
  heading: string;
  preview: string;
  dateLine: string;
  webUrl: string;
  windowStart: string;
  windowEnd: string;
  stories: BriefStory[];
  /** Stories of a sent issue since withdrawn (its web version only: archive-page.ts). */
  withdrawn?: number;
};

/** The stories of a window: published in [start, end), newest first. */
export function storiesInWindow(
  articles: readonly Article[],
  window: Pick<BriefWindow, "start" | "end">,
): Article[] {
  const start = window.start.getTime();
  const end = window.end.getTime();
  return articles
    .filter((a) => {
      const t = Date.parse(a.published);
      return t >= start && t < end;
    })
    .slice(0, MAX_STORIES);
}

function story(a: Article): BriefStory {
  return {
    title: a.title,
    section: a.section.name,
    url: absoluteUrl(a.path),
    fastUrl: a.summary ? absoluteUrl(fastCardPath(a.slug)) : undefined,
    points: a.summary,
    standfirst: a.standfirst,
    // The photo at a small width, through the site's own image optimiser.
    imageUrl: absoluteUrl(`/_next/image?url=${encodeURIComponent(a.hero.url)}&w=640&q=75`),
    imageAlt: a.hero.alt,
    published: a.published,
  };
}

export function composeBrief(
  list: NewsletterConfig,
  issue: { key: string; window: Pick<BriefWindow, "start" | "end"> },
  articles: Article[],
): Brief {
  const stories = articles.map(story);
  const lead = stories[0]?.title ?? "";
  const breaking = list.schedule.kind === "breaking";
  return {
    key: issue.key,
    listId: list.id,
    listName: list.name,
    siteName: siteConfig.name,
    siteUrl: absoluteUrl("/"),
    siteHost: new URL(siteConfig.url).host,
    subject: breaking
      ? `Breaking: ${lead}`
      : `${list.name}: ${lead}${stories.length > 1 ? ` and ${stories.length - 1} more` : ""}`,
    heading: breaking ? lead : list.name,
    preview: breaking
      ? (articles[0]?.standfirst ?? "")
      : stories
          .map((s) => s.title)
          .slice(0, 3)
          .join(" · "),
    dateLine: formatDateTime(issue.window.end.toISOString()),
    webUrl: absoluteUrl(`/newsletter/archive/${issue.key}`),
    windowStart: issue.window.start.toISOString(),
    windowEnd: issue.window.end.toISOString(),
    stories,
  };
}

/** The plain-text part: every story's title, points or standfirst, and both links. */
export function briefText(brief: Brief): string {
  const lines = [
    `${brief.siteName} · ${brief.listName}`,
    brief.heading,
    brief.dateLine,
    `View in your browser: ${brief.webUrl}`,
    "",
  ];
  for (const s of brief.stories) {
    lines.push("----", `${s.section.toUpperCase()}: ${s.title}`, "");
    if (s.points) for (const p of s.points) lines.push(`- ${p}`);
    else lines.push(s.standfirst);
    lines.push("", `Read the full story: ${s.url}`);
    if (s.fastUrl) lines.push(`Read on FAST: ${s.fastUrl}`);
    lines.push("");
  }
  lines.push(
    "----",
    `You are receiving the ${brief.listName} because you subscribed at ${brief.siteHost}.`,
    `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`,
    "",
  );
  return lines.join("\n");
}
