import { getArticleBySlug, getFastArticles } from "@/lib/content/api";
import { renderOgImage } from "@/lib/og/render";

type Context = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getFastArticles()).map((a) => ({ slug: a.slug }));
}

/** A FAST card's link-preview image, prerendered at build time. */
export async function GET(_request: Request, { params }: Context) {
  const article = await getArticleBySlug((await params).slug);
  if (!article?.summary) return new Response("Not found", { status: 404 });
  return renderOgImage(article, "fast");
}
