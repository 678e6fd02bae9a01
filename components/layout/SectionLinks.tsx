import Link from "next/link";
import { siteConfig } from "@/lib/config/site";

/**
 * The site's sections as a list of links, for the header and the footer. Links prefetch on intent
 * (hover, focus), not all at once when the page loads.
 */
export function SectionLinks({
  listClassName,
  linkClassName,
  children,
}: {
  listClassName: string;
  linkClassName: string;
  /** Items before the sections (the header's FAST link). */
  children?: React.ReactNode;
}) {
  return (
    <ul className={listClassName}>
      {children}
      {siteConfig.sections.map((s) => (
        <li key={s.slug}>
          <Link prefetch={false} href={`/${s.slug}`} className={linkClassName}>
            {s.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
