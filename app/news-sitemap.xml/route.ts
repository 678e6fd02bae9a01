import { getAllArticles } from "@/lib/site/api";
import { newsSitemap } from "@/lib/feeds/sitemaps";
import { xmlResponse } from "@/lib/feeds/xml";

// "The last two days" moves with the clock: regenerate in the background every ten minutes.
export const revalidate = 600;

export async function GET() {
  return xmlResponse(newsSitemap(await getAllArticles(), new Date()));
}
