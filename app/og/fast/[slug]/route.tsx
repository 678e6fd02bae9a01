import { getArticleBySlug, getRecentFastArticles } from "@/lib/site/api";
import { renderOgImage } from "@/lib/og/render";

type Context = { params: Promise<{ slug: string }> };

// The newest stories are prerendered; the archive renders on first request (then cached).
// Unknown slugs still answer 404: the slug is only a key into the content index.
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await getRecentFastArticles()).map((a) => ({ slug: a.slug }));
}

/** A FAST card's link-preview image, prerendered at build time. */
export async function GET(_request: Request, { params }: Context) {
  const article = await getArticleBySlug((await params).slug);
  if (!article?.summary) return new Response("Not found", { status: 404 });
  return renderOgImage(article, "fast");
}
