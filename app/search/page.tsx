import type { Metadata } from "next";
import { Container } from "@/components/layout/Container";
import { SearchFilters } from "@/components/search/SearchFilters";
import { SearchForm } from "@/components/search/SearchForm";
import { SearchIndexing } from "@/components/search/SearchIndexing";
import { SearchHitItem } from "@/components/search/SearchHitItem";
import { SearchPagination } from "@/components/search/SearchPagination";
import { SearchSuggestions } from "@/components/search/SearchSuggestions";
import { absoluteUrl } from "@/lib/config/site";
import { getAllTopics } from "@/lib/site/api";
import { searchArticles } from "@/lib/site/search";
import { PER_PAGE, readSearchParams, resultsHeading } from "@/lib/search/params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Topics offered when a search finds nothing. */
const SUGGESTED_TOPICS = 12;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = readSearchParams(await searchParams);
  return {
    title: query.text ? `Search: ${query.text}` : "Search",
    description: "Search Dispatch’s stories.",
    // Result pages are endless and thin: never indexed, but their links may be followed.
    robots: { index: false, follow: true },
    alternates: { canonical: absoluteUrl("/search") },
  };
}

/**
 * /search?q=…&section=…&sort=newest&page=2, rendered on the server for each request (results change
 * as stories are published). Cache-Control and X-Robots-Tag come from next.config.ts.
 */
export default async function SearchPage({ searchParams }: Props) {
  const request = readSearchParams(await searchParams);
  const { query } = request;
  const results = query.match
    ? await searchArticles(query.match, {
        section: request.section,
        sort: request.sort,
        page: request.page,
        perPage: PER_PAGE,
      })
    : undefined;
  const topics = results && results.total > 0 ? [] : (await getAllTopics()).slice(0, SUGGESTED_TOPICS);
  return (
    <Container className="max-w-3xl pb-12">
      <SearchForm request={request} />
      {results ? (
        <>
          <h1 className="mt-8 font-serif text-3xl font-bold tracking-tight text-balance break-words">
            {resultsHeading({
              q: query.text,
              total: results.total,
              capped: results.capped,
              section: request.section,
            })}
          </h1>
          {results.indexing ? <SearchIndexing progress={results.indexing} /> : null}
          {results.total > 0 || request.section ? (
            <SearchFilters request={request} results={results} />
          ) : null}
          {results.hits.length > 0 ? (
            <ol className="divide-rule mt-4 divide-y">
              {results.hits.map((hit) => (
                <li key={hit.article.slug} className="py-5">
                  <SearchHitItem hit={hit} />
                </li>
              ))}
            </ol>
          ) : results.total > 0 ? (
            <p className="mt-6">There are no more results: this page is past the last one.</p>
          ) : (
            <SearchSuggestions topics={topics} />
          )}
          <SearchPagination request={request} total={results.total} />
        </>
      ) : (
        <>
          <h1 className="mt-8 font-serif text-3xl font-bold tracking-tight">
            {query.text ? `Nothing to search for in “${query.text}”` : "Search"}
          </h1>
          <p className="mt-2">
            {query.text
              ? "Search looks for words: letters and numbers. Try a word or two from the story you want."
              : "Type a word or two above: a name, a place, a topic."}
          </p>
          <SearchSuggestions topics={topics} />
        </>
      )}
    </Container>
  );
}
