import Link from "next/link";
import { fastCardPath } from "@/lib/config/paths";

/**
 * The summary view's way on, after its source line (it used to end there): the full story, and the
 * story's card on FAST. Only the summary view has it, and only stories with a summary have that view,
 * so the story always has a card.
 */
export function SummaryEnd({ path, slug }: { path: string; slug: string }) {
  return (
    <nav aria-label="Keep reading" className="mt-6">
      <ul className="flex flex-wrap gap-3 text-sm font-semibold">
        <li>
          <Link href={path} className="bg-ink text-page inline-flex min-h-11 items-center rounded-full px-5">
            Read the full story
          </Link>
        </li>
        <li>
          <Link
            href={fastCardPath(slug)}
            className="border-rule hover:border-ink inline-flex min-h-11 items-center rounded-full border px-5"
          >
            Continue on FAST
          </Link>
        </li>
      </ul>
    </nav>
  );
}
