import Link from "next/link";
import { fastCardPath } from "@/lib/config/paths";

/**
 * The card after the last one. When the page shows only part of a long deck, it leads on to the next
 * part instead. The signup blocks slot in here.
 */
export function CaughtUpCard({ nextSlug, children }: { nextSlug?: string; children?: React.ReactNode }) {
  return (
    <li className="fast-card" data-fast-card data-slug="caught-up" id="caught-up">
      <section
        aria-labelledby="caught-up-title"
        tabIndex={-1}
        className="mx-auto flex min-h-svh max-w-xl flex-col justify-center px-4 py-5 focus:outline-none"
      >
        {nextSlug ? (
          <>
            <h2 id="caught-up-title" className="font-serif text-3xl font-bold">
              More stories
            </h2>
            <p className="text-muted mt-2">Keep going: older stories continue on the next page of cards.</p>
            <a
              href={fastCardPath(nextSlug)}
              className="bg-ink text-page mt-6 inline-flex min-h-11 w-fit items-center rounded-full px-5 font-semibold"
            >
              Continue to older stories
            </a>
          </>
        ) : (
          <>
            <h2 id="caught-up-title" className="font-serif text-3xl font-bold">
              You’re all caught up
            </h2>
            <p className="text-muted mt-2">That’s every story in FAST for now. Check back later for more.</p>
            <p className="mt-6 flex flex-wrap gap-3">
              <Link
                href="/fast"
                className="border-rule inline-flex min-h-11 items-center rounded-full border px-5 font-semibold"
              >
                Back to the first card
              </Link>
              <Link
                href="/"
                className="bg-ink text-page inline-flex min-h-11 items-center rounded-full px-5 font-semibold"
              >
                Go to the front page
              </Link>
            </p>
          </>
        )}
        <p className="text-muted mt-6 text-sm">
          Listen on the move: every story read aloud, and the FAST briefing, in your podcast app.{" "}
          <a href="/audio.xml" className="text-ink underline">
            Podcast feed
          </a>
        </p>
        {children ? <div className="mt-8">{children}</div> : null}
      </section>
    </li>
  );
}
