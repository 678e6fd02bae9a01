/**
 * Sitemaps for search engines, including Google News's (recent articles only). The protocol allows
 * 50,000 URLs per file: past that, /sitemap.xml becomes an index of /sitemaps/{n}.xml pages.
 */
import type { Article, Topic } from "@/lib/content/article";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { escapeXml } from "./xml";
import { topicPath } from "@/lib/config/paths";

const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

function lastChange(a: Article): string {
  return a.updated ?? a.published;
}

const SITEMAP_LIMIT = 50_000;

export type SitemapEntry = {
  url: string;
  lastModified?: string;
  changeFrequency?: "hourly" | "daily";
  priority?: number;
};

export function siteSitemap(articles: Article[], topics: Topic[]): SitemapEntry[] {
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
      url: absoluteUrl(topicPath(t.slug)),
      lastModified: newestWhere((a) => a.topics.some((x) => x.slug === t.slug)),
    })),
    ...articles.map((a) => ({ url: absoluteUrl(a.path), lastModified: lastChange(a) })),
  ];
}

/** The entries split into sitemap files of at most `limit` URLs (always at least one file). */
export function sitemapPages(entries: SitemapEntry[], limit = SITEMAP_LIMIT): SitemapEntry[][] {
  const pages: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += limit) pages.push(entries.slice(i, i + limit));
  return pages.length ? pages : [[]];
}

function sitemapPagePath(index: number): string {
  return `/sitemaps/${index}.xml`;
}

export function urlsetXml(entries: SitemapEntry[]): string {
  const urls = entries.map((e) =>
    [
      `  <url>`,
      `    <loc>${escapeXml(e.url)}</loc>`,
      e.lastModified ? `    <lastmod>${escapeXml(e.lastModified)}</lastmod>` : "",
      e.changeFrequency ? `    <changefreq>${e.changeFrequency}</changefreq>` : "",
      e.priority !== undefined ? `    <priority>${e.priority}</priority>` : "",
      `  </url>`,
    ]
      .filter(Boolean)
      .join("\n"),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}
</urlset>
`;
}

function newestOf(entries: SitemapEntry[]): string | undefined {
  let newest: string | undefined;
  for (const e of entries) {
    if (e.lastModified && (!newest || Date.parse(e.lastModified) > Date.parse(newest)))
      newest = e.lastModified;
  }
  return newest;
}

/** /sitemap.xml: the URLs themselves while they fit in one file, else an index of the pages. */
export function rootSitemapXml(entries: SitemapEntry[], limit = SITEMAP_LIMIT): string {
  const pages = sitemapPages(entries, limit);
  if (pages.length === 1) return urlsetXml(entries);
  const items = pages.map((page, i) => {
    const lastmod = newestOf(page);
    return `  <sitemap>
    <loc>${escapeXml(absoluteUrl(sitemapPagePath(i)))}</loc>${lastmod ? `\n    <lastmod>${escapeXml(lastmod)}</lastmod>` : ""}
  </sitemap>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items.join("\n")}
</sitemapindex>
`;
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
