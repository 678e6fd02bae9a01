import Link from "next/link";
import { siteConfig } from "@/lib/config/site";
import { NavLink } from "./NavLink.island";

/**
 * The site's sections as a list of links, for the header and the footer. Links prefetch on intent
 * (hover, focus), not all at once when the page loads. The header's links mark where the reader is.
 */
export function SectionLinks({
  listClassName,
  linkClassName,
  markCurrent = false,
  children,
}: {
  listClassName: string;
  linkClassName: string;
  /** Mark the current section with aria-current (NavLink.island.tsx). */
  markCurrent?: boolean;
  /** Items before the sections (the header's FAST link). */
  children?: React.ReactNode;
}) {
  return (
    <ul className={listClassName}>
      {children}
      {siteConfig.sections.map((s) => (
        <li key={s.slug}>
          {markCurrent ? (
            <NavLink href={`/${s.slug}`} className={linkClassName}>
              {s.name}
            </NavLink>
          ) : (
            <Link prefetch={false} href={`/${s.slug}`} className={linkClassName}>
              {s.name}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
