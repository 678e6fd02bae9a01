/** Sitemaps for search engines, including Google News's (recent articles only). */
import type { MetadataRoute } from "next";
import type { Article, Topic } from "@/lib/content/article";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { escapeXml } from "./xml";

export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

function lastChange(a: Article): string {
  return a.updated ?? a.published;
}

export function siteSitemap(articles: Article[], topics: Topic[]): MetadataRoute.Sitemap {
  const newest = articles[0] ? lastChange(articles[0]) : undefined;
  const newestWhere = (pred: (a: Article) => boolean) => {
    const a = articles.find(pred);
    return a ? lastChange(a) : undefined;
  };
  return [
    { url: absoluteUrl("/"), lastModified: newest, changeFrequency: "hourly", priority: 1 },
    {
      url: absoluteUrl("/fast"),
      lastModified: newestWhere((a) => Boolean(a.summary)),
      changeFrequency: "hourly",
    },
    ...siteConfig.sections.map((s) => ({
      url: absoluteUrl(`/${s.slug}`),
      lastModified: newestWhere((a) => a.section.slug === s.slug),
    })),
    ...topics.map((t) => ({
      url: absoluteUrl(`/topic/${t.slug}`),
      lastModified: newestWhere((a) => a.topics.some((x) => x.slug === t.slug)),
    })),
    ...articles.map((a) => ({ url: absoluteUrl(a.path), lastModified: lastChange(a) })),
  ];
}

/** Google News sitemap: only articles published in the last two days. */
export function newsSitemap(articles: Article[], now: Date): string {
  const recent = articles.filter((a) => now.getTime() - Date.parse(a.published) <= NEWS_WINDOW_MS);
  const urls = recent.map(
    (a) => `  <url>
    <loc>${escapeXml(absoluteUrl(a.path))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(siteConfig.name)}</news:name>
        <news:language>${escapeXml(siteConfig.locale.split("-")[0] ?? "en")}</news:language>
      </news:publication>
      <news:publication_date>${escapeXml(a.published)}</news:publication_date>
      <news:title>${escapeXml(a.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join("\n")}
</urlset>
`;
}
