/**
 * Structured data (schema.org) for articles, and a serialiser that is safe inside a <script> tag.
 */
import { updateAnchor } from "@/lib/content/live-coverage";
import type { Article } from "@/lib/content/article";
import { absoluteUrl, siteConfig } from "@/lib/config/site";

type JsonLdObject = Record<string, unknown>;

/** next/image URLs of the hero at the widths search engines like (16:9, 4:3, 1:1 crops are theirs to make). */
function heroImages(article: Article): string[] {
  return [1600, 1280, 768].map((w) =>
    absoluteUrl(`/_next/image?url=${encodeURIComponent(article.hero.url)}&w=${w}&q=75`),
  );
}

function publisherJsonLd(): JsonLdObject {
  return {
    "@type": "NewsMediaOrganization",
    name: siteConfig.name,
    url: absoluteUrl("/"),
    logo: { "@type": "ImageObject", url: absoluteUrl("/logo.png"), width: 512, height: 512 },
  };
}

export function newsArticleJsonLd(article: Article): JsonLdObject {
  const url = absoluteUrl(article.path);
  const author = article.byline
    ? { "@type": "Person", name: article.byline }
    : { "@type": "Organization", name: article.source ?? siteConfig.name };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.standfirst,
    // The hero first (the one search engines show), then every photo in the body.
    image: [
      absoluteUrl(article.hero.url),
      ...heroImages(article),
      ...article.photos.map((p) => absoluteUrl(p.url)),
    ],
    datePublished: article.published,
    dateModified: article.updated ?? article.published,
    author: [author],
    creditText: article.source,
    publisher: publisherJsonLd(),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    articleSection: article.section.name,
    keywords: article.topics.map((t) => t.name),
    isAccessibleForFree: true,
    inLanguage: siteConfig.locale,
    ...(article.live ? liveBlogFields(article, url) : {}),
  };
}

/** Updates listed in a live story's JSON-LD, newest first. */
const JSONLD_UPDATES = 10;

/**
 * A live story is a LiveBlogPosting (a kind of NewsArticle's parent, Article): its coverage times and
 * its newest updates, each a BlogPosting at its anchor on the page.
 */
function liveBlogFields(article: Article, url: string): JsonLdObject {
  const live = article.live;
  if (!live) return {};
  return {
    "@type": "LiveBlogPosting",
    coverageStartTime: article.published,
    ...(live.ended ? { coverageEndTime: live.ended } : {}),
    liveBlogUpdate: live.updates.slice(0, JSONLD_UPDATES).map((u) => ({
      "@type": "BlogPosting",
      headline: u.title ?? article.title,
      datePublished: u.published,
      ...(u.corrections.length > 0 ? { dateModified: u.corrections[u.corrections.length - 1]?.date } : {}),
      url: `${url}#${updateAnchor(u.id)}`,
      articleBody: plainText(u.body),
      ...(u.byline ? { author: { "@type": "Person", name: u.byline } } : {}),
    })),
  };
}

/** Markdown as plain words: what a search engine should read as the update's text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function breadcrumbJsonLd(article: Article): JsonLdObject {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [
      {
        "@type": "ListItem",
        position: 1,
        name: article.section.name,
        item: absoluteUrl(`/${article.section.slug}`),
      },
      { "@type": "ListItem", position: 2, name: article.title, item: absoluteUrl(article.path) },
    ],
  };
}

/**
 * JSON for an inline <script type="application/ld+json">: `<`, `>`, `&` and the JavaScript line
 * separators are escaped, so no content can close the script element or break out of it.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
