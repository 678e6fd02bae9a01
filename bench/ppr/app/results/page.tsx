import { Suspense } from "react";

/**
 * bench/baseline/app/results with Partial Prerendering: the heading is the prerendered shell and only
 * the list, which reads searchParams, is rendered per request.
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function List({ searchParams }: Props) {
  const q = String((await searchParams).q ?? "");
  return (
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
  );
}

export default function Results(props: Props) {
  return (
    <main>
      <h1>Search results</h1>
      <Suspense fallback={<p>Searching…</p>}>
        <List {...props} />
      </Suspense>
    </main>
  );
}
