import Link from "next/link";
import { MAX_PAGE, PER_PAGE, searchHref, type SearchRequest } from "@/lib/search/params";

const link =
  "border-rule hover:border-ink inline-flex min-h-11 items-center rounded-full border px-5 font-semibold";

/** Previous and next pages of results, as links. */
export function SearchPagination({ request, total }: { request: SearchRequest; total: number }) {
  const pages = Math.min(MAX_PAGE, Math.ceil(total / PER_PAGE));
  if (pages <= 1) return null;
  const href = (page: number) =>
    searchHref({ q: request.query.text, section: request.section, sort: request.sort, page });
  return (
    <nav aria-label="Result pages" className="mt-8 flex flex-wrap items-center justify-between gap-3">
      {request.page > 1 ? (
        <Link prefetch={false} href={href(Math.min(request.page - 1, pages))} rel="prev" className={link}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <p className="text-muted text-sm">
        Page {request.page} of {pages}
      </p>
      {request.page < pages ? (
        <Link prefetch={false} href={href(request.page + 1)} rel="next" className={link}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
