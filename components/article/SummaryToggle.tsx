import Link from "next/link";
import clsx from "clsx";
import { summaryViewPath } from "@/lib/fast/paths";

export type ArticleViewMode = "full" | "summary";

/**
 * "Full article | Summary". Two links, so it works with JavaScript off and the state lives in the URL
 * (?view=summary): shareable, and the back button works. With JavaScript the router swaps the
 * prerendered view in place without a reload and keeps the scroll position.
 */
export function SummaryToggle({ path, view }: { path: string; view: ArticleViewMode }) {
  const options = [
    { mode: "full" as const, label: "Full article", href: path },
    { mode: "summary" as const, label: "Summary", href: summaryViewPath(path) },
  ];
  return (
    <nav aria-label="Article view" className="my-5">
      <ul className="border-rule bg-panel inline-flex rounded-full border p-1 text-sm font-semibold">
        {options.map((o) => (
          <li key={o.mode}>
            <Link
              href={o.href}
              scroll={false}
              aria-current={view === o.mode ? "page" : undefined}
              className={clsx(
                "inline-flex min-h-10 items-center rounded-full px-4",
                view === o.mode ? "bg-ink text-page" : "hover:underline",
              )}
            >
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
