import { SearchInput } from "@/components/search/SearchInput";

/**
 * The header's search box: a plain GET form to /search, so it works without JavaScript, named for
 * screen readers by its (visually hidden) label and with a 44 px button.
 */
export function SiteSearch({ className }: { className?: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label="Site search" className={className}>
      <label htmlFor="site-search-q" className="sr-only">
        Search Dispatch
      </label>
      <div className="border-muted focus-within:border-ink flex items-center rounded-full border">
        <SearchInput
          id="site-search-q"
          placeholder="Search"
          className="h-11 w-28 min-w-0 rounded-l-full bg-transparent pl-4 text-base placeholder:text-[var(--muted)] focus:outline-none sm:w-40"
        />
        <button type="submit" className="inline-flex size-11 items-center justify-center rounded-r-full">
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
          >
            <circle cx="10.5" cy="10.5" r="6.5" />
            <path d="m15.5 15.5 5 5" strokeLinecap="round" />
          </svg>
          <span className="sr-only">Search</span>
        </button>
      </div>
    </form>
  );
}
