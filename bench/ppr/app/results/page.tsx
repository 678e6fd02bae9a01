/**
 * bench/baseline/app/results with Partial Prerendering: the heading is the prerendered shell and only
 * the list, which reads searchParams, is rendered per request.
 */
import { Suspense } from "react";
import { ResultList } from "../../../baseline/results-list";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function List({ searchParams }: Props) {
  return <ResultList q={String((await searchParams).q ?? "")} />;
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
