import Link from "next/link";
import clsx from "clsx";
import { summaryViewPath } from "@/lib/config/paths";

export type ArticleViewMode = "full" | "summary";

/**
 * "Full article | Summary". Two links, so it works with JavaScript off and the state lives in the URL
 * (?view=summary): shareable, and the back button works. With JavaScript the router swaps the
 * prerendered view in place without a reload and keeps the scroll position. It sits beside the
 * section label, so it costs the phone's first screen no row of its own (issue 28).
 */
export function SummaryToggle({
  path,
  view,
  className,
}: {
  path: string;
  view: ArticleViewMode;
  className?: string;
}) {
  const options = [
    { mode: "full" as const, label: "Full article", href: path },
    { mode: "summary" as const, label: "Summary", href: summaryViewPath(path) },
  ];
  return (
    <nav aria-label="Article view" className={className}>
      <ul className="border-rule bg-panel inline-flex rounded-full border p-0.5 text-sm sm:p-1 font-semibold">
        {options.map((o) => (
          <li key={o.mode}>
            <Link
              href={o.href}
              scroll={false}
              aria-current={view === o.mode ? "page" : undefined}
              className={clsx(
                "inline-flex min-h-8 items-center rounded-full px-4 sm:min-h-10",
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
