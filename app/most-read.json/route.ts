import { getMostRead } from "@/lib/site/home";

export const dynamic = "force-dynamic";

/**
 * Most read, for the list on story pages (components/reads/MostRead.island.tsx): the ranking is
 * worked out at most once a minute (lib/reads/api.ts) and filtered here, per request, to the stories
 * readers may see now, so one that stops being public leaves at once (caches keep this 10 s, as the
 * shipped nginx keeps every page).
 */
export async function GET() {
  const stories = (await getMostRead()).map((a) => ({
    path: a.path,
    title: a.title,
    section: a.section.name,
  }));
  return Response.json({ stories }, { headers: { "Cache-Control": "public, max-age=10" } });
}
