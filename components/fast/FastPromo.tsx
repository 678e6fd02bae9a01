import Link from "next/link";
import { fastCardPath } from "@/lib/config/paths";

/** "Read a summary of this article on FAST": only for stories that have a card. */
export function FastPromo({ slug }: { slug: string }) {
  return (
    <aside aria-label="FAST" className="bg-panel border-accent my-8 rounded-r border-l-4 px-4 py-3">
      <p className="font-semibold">
        <Link href={fastCardPath(slug)} className="underline underline-offset-2 hover:no-underline">
          Read a summary of this article on FAST
        </Link>
        .
      </p>
      <p className="text-muted text-sm">Get bite-sized news via a new cards interface. Give it a try.</p>
    </aside>
  );
}
