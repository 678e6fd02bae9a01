import { getAllArticles, getAllTopics } from "@/lib/site/api";
import { siteSitemap, sitemapPages, urlsetXml } from "@/lib/feeds/sitemaps";
import { xmlResponse } from "@/lib/feeds/xml";

/** /sitemaps/{n}.xml: one file of at most 50,000 URLs, listed by the index at /sitemap.xml. */
type Context = { params: Promise<{ page: string }> };

export const revalidate = 300;

async function pages() {
  return sitemapPages(siteSitemap(await getAllArticles(), await getAllTopics()));
}

export async function generateStaticParams() {
  return (await pages()).map((_, i) => ({ page: `${i}.xml` }));
}

export async function GET(_request: Request, { params }: Context) {
  const match = /^(\d{1,6})\.xml$/.exec((await params).page);
  const page = match ? (await pages())[Number(match[1])] : undefined;
  if (!page) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain" } });
  return xmlResponse(urlsetXml(page));
}
