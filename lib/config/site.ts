/**
 * The one place for the site's names, links and editorial settings.
 * Environment variables override only what differs between deployments (see env.ts).
 */
import { env } from "./env";

export type SectionConfig = { slug: string; name: string; description: string };

export type NewsletterConfig = {
  id: string;
  name: string;
  description: string;
  schedule: { kind: "brief"; at: string; hours: number } | { kind: "breaking" };
};

export const siteConfig = {
  name: "Dispatch",
  tagline: "The news, clearly told.",
  description:
    "Dispatch: world news, analysis and bite-sized summaries, fast and accessible on every device.",
  url: env.siteUrl,
  /** BCP 47 language tag of the site's text; Open Graph wants it as en_GB. */
  locale: "en-GB",
  /** Times are shown in the newsroom's zone; the machine-readable datetime keeps its own offset. */
  timeZone: env.timeZone,
  sections: [
    { slug: "world", name: "World", description: "International news from every region." },
    { slug: "asia", name: "Asia", description: "News and analysis from across Asia." },
    { slug: "business", name: "Business", description: "Markets, companies and the economy." },
    { slug: "tech", name: "Science & Tech", description: "Science, technology and the people behind them." },
    { slug: "sport", name: "Sport", description: "Results, previews and the stories behind the games." },
  ],
  /**
   * Newsletters. A brief covers the `hours` before its send time `at` (SITE_TIME_ZONE) and is sent by
   * `npm run newsletter:send -- --list <id>` from a timer (docs/DEPLOY.md); breaking news sends one
   * story, marked `breaking: true` or named with --story, once.
   */
  newsletters: [
    {
      id: "morning-brief",
      name: "Morning Brief",
      description: "The day’s top stories, before breakfast.",
      schedule: { kind: "brief", at: "06:00", hours: 12 },
    },
    {
      id: "evening-brief",
      name: "Evening Brief",
      description: "What happened today, and what it means.",
      schedule: { kind: "brief", at: "18:00", hours: 12 },
    },
    {
      id: "breaking-news",
      name: "Breaking News",
      description: "Major stories as they break. A few a month.",
      schedule: { kind: "breaking" },
    },
  ],
  /** The audio feed for podcast apps (/audio.xml): its name and its category in Apple's list. */
  podcast: {
    title: "Dispatch: listen",
    description: "Every Dispatch story read aloud, and the FAST briefing of the day's news.",
    category: "News",
    subcategory: "Daily News",
  },
  links: {
    newsletterSignup: "/newsletter",
    appStore: "https://apps.apple.com/app/id0000000000",
    googlePlay: "https://play.google.com/store/apps/details?id=example.dispatch",
    whatsappChannel: "https://whatsapp.com/channel/0000000000000000000000",
  },
} as const satisfies {
  name: string;
  tagline: string;
  description: string;
  url: string;
  locale: string;
  timeZone: string;
  sections: readonly SectionConfig[];
  newsletters: readonly NewsletterConfig[];
  podcast: { title: string; description: string; category: string; subcategory: string };
  links: Record<string, string>;
};

export const sectionSlugs = siteConfig.sections.map((s) => s.slug);

/** Whether a name (from a file, a URL) is one of the sections' slugs. */
export function isSectionSlug(name: string): boolean {
  return sectionSlugs.some((s) => s === name);
}

export const newsletterIds = siteConfig.newsletters.map((n) => n.id);

export function findSection(slug: string): SectionConfig | undefined {
  return siteConfig.sections.find((s) => s.slug === slug);
}

/** Absolute URL on this site for a path such as "/world/some-story". */
export function absoluteUrl(path: string): string {
  return new URL(path, siteConfig.url).toString();
}

export function findNewsletter(id: string): NewsletterConfig | undefined {
  return siteConfig.newsletters.find((n) => n.id === id);
}
