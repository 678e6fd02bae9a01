import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/Container";
import { siteConfig } from "@/lib/config/site";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <Container className="max-w-2xl py-16">
      <p className="text-accent text-sm font-bold tracking-wider uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">We can’t find that page</h1>
      <p className="text-muted mt-4 text-lg">
        The link may be mistyped, or the story may have moved. Try the front page or a section.
      </p>
      <ul className="mt-6 flex flex-wrap gap-3">
        <li>
          <Link href="/" className="bg-ink text-page inline-block rounded px-4 py-2.5 font-semibold">
            Go to the front page
          </Link>
        </li>
        {siteConfig.sections.map((s) => (
          <li key={s.slug}>
            <Link href={`/${s.slug}`} className="border-rule inline-block rounded border px-4 py-2.5">
              {s.name}
            </Link>
          </li>
        ))}
      </ul>
    </Container>
  );
}
