import type { MetadataRoute } from "next";
import { getAllArticles, getAllTopics } from "@/lib/content/api";
import { siteSitemap } from "@/lib/feeds/sitemaps";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return siteSitemap(await getAllArticles(), await getAllTopics());
}
