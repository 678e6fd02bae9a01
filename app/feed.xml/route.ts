import { siteConfig } from "@/lib/config/site";
import { getAllArticles } from "@/lib/site/api";
import { buildRss } from "@/lib/feeds/rss";
import { xmlResponse } from "@/lib/feeds/xml";

export const dynamic = "force-static";
export const revalidate = 300;

export async function GET() {
  const rss = buildRss({
    title: `${siteConfig.name}: latest news`,
    description: siteConfig.description,
    path: "/",
    feedPath: "/feed.xml",
    articles: await getAllArticles(),
  });
  return xmlResponse(rss, "application/rss+xml");
}
