import type { IndexProgress } from "@/lib/search/engine";

/**
 * Said above the results while a server that has just started is still indexing the archive
 * (lib/search/engine.ts): the results are real, but from part of it.
 */
export function SearchIndexing({ progress }: { progress: IndexProgress }) {
  const of = (n: number) => n.toLocaleString("en-GB");
  return (
    <p role="status" className="border-rule mt-4 rounded border p-3 text-sm">
      Search is still indexing the archive: these results come from {of(progress.indexed)} of{" "}
      {of(progress.total)} stories so far. Search again in a few seconds for all of them.
    </p>
  );
}
