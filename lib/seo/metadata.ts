/**
 * Page metadata for link previews and search: one builder per page type, so titles, canonical URLs,
 * Open Graph and Twitter cards agree everywhere.
 */
import type { Metadata } from "next";
import type { Article } from "@/lib/content/article";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { fastCardPath } from "@/lib/config/paths";

export const OG_IMAGE_SIZE = { width: 1200, height: 630 };

/** Open Graph wants en_GB, not en-GB. */
export const ogLocale = siteConfig.locale.replace("-", "_");

/** Feed autodiscovery for every page: the site feed, plus the section's where there is one. */
export function feedLinks(section?: { slug: string; name: string }) {
  const feeds = [{ url: absoluteUrl("/feed.xml"), title: `${siteConfig.name}: latest news` }];
  if (section)
    feeds.push({
      url: absoluteUrl(`/${section.slug}/feed.xml`),
      title: `${siteConfig.name}: ${section.name}`,
    });
  return { "application/rss+xml": feeds };
}

function ogImage(path: string, alt: string) {
  return { url: absoluteUrl(path), ...OG_IMAGE_SIZE, alt, type: "image/png" };
}

/** An unpublished story seen in preview: no index, no link preview, no canonical to leak it by. */
export function previewMetadata(article: Article): Metadata {
  return { title: `Preview: ${article.title}`, robots: { index: false, follow: false } };
}

export function articleMetadata(article: Article): Metadata {
  const url = absoluteUrl(article.path);
  const image = ogImage(`/og/article/${article.slug}`, article.hero.alt);
  return {
    title: article.title,
    description: article.standfirst,
    alternates: { canonical: url, types: feedLinks(article.section) },
    authors: article.byline ? [{ name: article.byline }] : undefined,
    keywords: article.topics.map((t) => t.name),
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description: article.standfirst,
      siteName: siteConfig.name,
      locale: ogLocale,
      images: [image],
      publishedTime: article.published,
      modifiedTime: article.updated ?? article.published,
      section: article.section.name,
      tags: article.topics.map((t) => t.name),
    },
    twitter: {
      card: "summary_large_image",
      title: article.title,
      description: article.standfirst,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

/** A FAST card: its own URL and preview, but search engines credit the full article. */
export function fastCardMetadata(article: Article): Metadata {
  const base = articleMetadata(article);
  const url = absoluteUrl(fastCardPath(article.slug));
  const description = article.summary?.[0] ?? article.standfirst;
  const image = ogImage(`/og/fast/${article.slug}`, article.hero.alt);
  return {
    ...base,
    title: `${article.title} | FAST`,
    description,
    openGraph: { ...base.openGraph, url, description, images: [image] },
    twitter: { ...base.twitter, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

/** A listing page (section, topic, FAST deck). */
export function listingMetadata(opts: {
  title: string;
  description: string;
  path: string;
  section?: { slug: string; name: string };
}): Metadata {
  const url = absoluteUrl(opts.path);
  return {
    title: opts.title,
    description: opts.description,
    alternates: { canonical: url, types: feedLinks(opts.section) },
    openGraph: {
      type: "website",
      url,
      title: opts.title,
      description: opts.description,
      siteName: siteConfig.name,
      locale: ogLocale,
    },
    twitter: { card: "summary", title: opts.title, description: opts.description },
  };
}
