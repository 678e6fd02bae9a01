/**
 * The door's part for the page refresh after a change (app/api/revalidate): the pages the content
 * changes touched, with those a front's file or Most read's order moved and those a narration was
 * made for.
 */
import { env } from "@/lib/config/env";
import type { Refresh } from "@/lib/content/refresh";
import { takeChangedFronts } from "@/lib/fronts/store";
import { takeNarrated } from "@/lib/narration/narrator";
import { takeRankingMoved } from "@/lib/reads/moved";
import { takeContentRefresh } from "./api";
import { getBriefing } from "./listen";

/**
 * What to refresh now: the pages the content changes since the last call touched, or every page on
 * this process's first call.
 */
export async function takePageRefresh(): Promise<Refresh> {
  const refresh = await takeContentRefresh();
  // Taken either way, so a refresh of everything leaves none of them pending.
  const fronts = takeChangedFronts();
  const ranking = takeRankingMoved();
  const narrated = takeNarrated();
  // CONTENT_REFRESH=everything is for changes of content, not for a narration made (one a few
  // seconds during a backfill: the whole site would never stay cached).
  const changed = refresh.everything || refresh.paths.length > 0 || fronts.length > 0 || ranking;
  // The FAST deck may have changed: its spoken briefing is remade (debounced) whether or not a reader
  // opens /fast meanwhile (the podcast feed lists it too).
  if (refresh.everything || refresh.paths.length > 0)
    void getBriefing().catch((error: unknown) => console.warn(`narration: briefing: ${String(error)}`));
  if (refresh.everything || (env.contentRefresh === "everything" && changed)) return { everything: true };
  // A front's file changed: its page (and home, whose section blocks follow the section fronts).
  const paths = new Set(refresh.paths);
  for (const front of fronts) for (const p of front === "home" ? ["/"] : [`/${front}`, "/"]) paths.add(p);
  // Most read's order moved: the pages that show it server-rendered.
  if (ranking) for (const p of ["/", "/most-read"]) paths.add(p);
  // A story's narration was made: its pages, to show the player.
  for (const p of narrated) paths.add(p);
  return { everything: false, paths: [...paths] };
}
