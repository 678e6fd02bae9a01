import { findSection, siteConfig } from "@/lib/config/site";
import { getSectionArticles } from "@/lib/site/api";
import { buildRss } from "@/lib/feeds/rss";
import { xmlResponse } from "@/lib/feeds/xml";

type Context = { params: Promise<{ section: string }> };

export const dynamicParams = false;
export const revalidate = 300;

export function generateStaticParams() {
  return siteConfig.sections.map((s) => ({ section: s.slug }));
}

export async function GET(_request: Request, { params }: Context) {
  const section = findSection((await params).section);
  if (!section) return new Response("Not found", { status: 404 });
  const rss = buildRss({
    title: `${siteConfig.name}: ${section.name}`,
    description: section.description,
    path: `/${section.slug}`,
    feedPath: `/${section.slug}/feed.xml`,
    articles: await getSectionArticles(section.slug),
  });
  return xmlResponse(rss, "application/rss+xml");
}
