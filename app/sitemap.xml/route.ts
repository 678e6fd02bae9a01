import { getAllArticles, getAllTopics } from "@/lib/site/api";
import { rootSitemapXml, siteSitemap } from "@/lib/feeds/sitemaps";
import { xmlResponse } from "@/lib/feeds/xml";

export const dynamic = "force-static";
export const revalidate = 300;

export async function GET() {
  return xmlResponse(rootSitemapXml(siteSitemap(await getAllArticles(), await getAllTopics())));
}
