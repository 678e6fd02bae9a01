/**
 * The floor for any page rendered per request: the bare layout, the query read from searchParams and
 * ten linked results, no data access. bench/search.mjs loads it beside /search, so the figures show
 * what Next.js itself costs per dynamic render on this machine.
 */
import { ResultList } from "../../results-list";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Results({ searchParams }: Props) {
  const q = String((await searchParams).q ?? "");
  return (
    <main>
      <h1>10 results for “{q}”</h1>
      <ResultList q={q} />
    </main>
  );
}
