import Link from "next/link";
import { siteConfig } from "@/lib/config/site";
import { Container } from "./Container";

export function SiteFooter() {
  return (
    <footer className="border-rule text-muted mt-16 border-t py-8 text-sm">
      <Container className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <p>
          <Link prefetch={false} href="/" className="text-ink font-serif text-lg font-bold">
            {siteConfig.name}
          </Link>{" "}
          · {siteConfig.tagline}
        </p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {siteConfig.sections.map((s) => (
              <li key={s.slug}>
                <Link prefetch={false} href={`/${s.slug}`} className="inline-block py-1.5 hover:underline">
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </Container>
    </footer>
  );
}
