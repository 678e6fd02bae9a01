import Link from "next/link";
import { siteConfig } from "@/lib/config/site";
import { Container } from "./Container";
import { SectionLinks } from "./SectionLinks";

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
          <SectionLinks
            listClassName="flex flex-wrap gap-x-4 gap-y-1"
            linkClassName="inline-block py-1.5 hover:underline"
          />
          <p className="mt-1 flex flex-wrap gap-x-4">
            <a href="/feed.xml" className="inline-block py-1.5 hover:underline">
              News feed (RSS)
            </a>
            <a href="/audio.xml" className="inline-block py-1.5 hover:underline">
              Podcast feed (audio)
            </a>
          </p>
        </nav>
      </Container>
    </footer>
  );
}
