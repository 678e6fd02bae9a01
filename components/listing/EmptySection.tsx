import Link from "next/link";
import type { Article } from "@/lib/content/article";
import { StoryList } from "./StoryList";

/** A section with no stories yet is not a dead end: the latest stories from every section, and FAST. */
export function EmptySection({ name, latest }: { name: string; latest: Article[] }) {
  return (
    <>
      <p className="text-muted pt-8">{`No ${name} stories yet.`}</p>
      {latest.length > 0 ? (
        <>
          <p className="mt-4">
            <Link href="/fast" className="font-semibold underline underline-offset-2 hover:no-underline">
              Catch up on the news in brief with FAST
            </Link>
          </p>
          <section aria-labelledby="latest-stories" className="mt-8">
            <h2 id="latest-stories" className="font-serif text-2xl font-bold">
              Latest stories
            </h2>
            <StoryList articles={latest} empty="" headingLevel={3} />
          </section>
        </>
      ) : null}
    </>
  );
}
