/** Ten linked results for a query, as a search page shows them: the work both bare results pages do. */
export function ResultList({ q }: { q: string }) {
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
