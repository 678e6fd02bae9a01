/**
 * The door's part for search (lib/site/api.ts is the rest): the index follows the stories readers
 * may see now, so a story appears in search when it is published and leaves it when it is removed.
 */
import type { SearchOptions, SearchResults } from "@/lib/search/engine";
import { searchIndexed, searchProgress, syncSearch } from "@/lib/search/store";
import { getAllArticles } from "./api";

/**
 * One page of search results among the stories readers may see now. The index follows the public
 * view, so a story appears in search when it is published and leaves it when it is removed.
 */
export async function searchArticles(match: string, options: SearchOptions): Promise<SearchResults> {
  const sync = syncSearch(await getAllArticles());
  // While the archive is first indexed (server start-up) a search answers from what is in so far,
  // and says so, rather than waiting for the whole build.
  if (searchProgress()) void sync.catch(() => undefined);
  else await sync;
  return searchIndexed(match, options);
}

/**
 * Builds the search index now (server start-up, and after each change) rather than on a search.
 * `firstBuild`: the start-up's, during which searches answer from the stories indexed so far.
 */
export async function warmSearch({ firstBuild = false } = {}): Promise<number> {
  const articles = await getAllArticles();
  await syncSearch(articles, { firstBuild });
  return articles.length;
}
