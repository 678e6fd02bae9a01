import type { SearchRequest } from "@/lib/search/params";
import { SearchInput } from "./SearchInput";

/** The search page's own form: a labelled field with the query in it. A plain GET: works without JS. */
export function SearchForm({ request }: { request: SearchRequest }) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Refine your search"
      className="search-page-form mt-6 sm:mt-10"
    >
      <label htmlFor="search-page-q" className="text-sm font-semibold">
        Search Dispatch
      </label>
      <div className="mt-1 flex gap-2">
        <SearchInput
          id="search-page-q"
          defaultValue={request.query.text}
          className="border-ink min-h-11 w-full min-w-0 rounded-md border px-3 text-base"
        />
        {request.section ? <input type="hidden" name="section" value={request.section} /> : null}
        {request.sort === "newest" ? <input type="hidden" name="sort" value="newest" /> : null}
        <button type="submit" className="bg-ink text-page min-h-11 rounded-md px-5 font-semibold">
          Search
        </button>
      </div>
    </form>
  );
}
