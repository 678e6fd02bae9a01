import Link from "next/link";
import { siteConfig } from "@/lib/config/site";
import { Container } from "./Container";
import { NavLink } from "./NavLink.island";
import { SectionLinks } from "./SectionLinks";
import { SiteSearch } from "./SiteSearch";

/** The current section (or FAST) is accent-coloured and underlined by a bar (globals.css); others underline on hover. */
const LINK = "section-link inline-block px-2 py-2.5 hover:underline";

export function SiteHeader() {
  return (
    <header className="border-rule border-b">
      <Container className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 py-3 sm:gap-x-6">
        <Link prefetch={false} href="/" className="font-serif text-2xl font-bold tracking-tight">
          <span className="text-accent" aria-hidden="true">
            ●{" "}
          </span>
          {siteConfig.name}
        </Link>
        <SiteSearch className="site-search sm:order-last" />
        <nav
          aria-label="Sections"
          className="site-sections -mx-4 w-full overflow-x-auto px-4 sm:mx-0 sm:ml-auto sm:w-auto sm:px-0"
        >
          <SectionLinks
            markCurrent
            listClassName="flex gap-1 text-sm font-semibold whitespace-nowrap"
            linkClassName={LINK}
          >
            <li>
              <NavLink href="/fast" className={LINK}>
                FAST
              </NavLink>
            </li>
          </SectionLinks>
        </nav>
      </Container>
    </header>
  );
}
