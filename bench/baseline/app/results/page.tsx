/**
 * The floor for any page rendered per request: the bare layout, the query read from searchParams and
 * ten linked results, no data access. bench/search.mjs loads it beside /search, so the figures show
 * what Next.js itself costs per dynamic render on this machine.
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Results({ searchParams }: Props) {
  const q = String((await searchParams).q ?? "");
  return (
    <main>
      <h1>10 results for “{q}”</h1>
      <ol>
        {Array.from({ length: 10 }, (_, i) => (
          <li key={i}>
            <a href={`/story-${i}`}>A headline of about the usual length for a news story, number {i}</a>
            <p>
              A snippet of the story around the word <mark>{q}</mark>, as a search result shows it.
            </p>
          </li>
        ))}
      </ol>
    </main>
  );
}
