"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * A header link that knows whether the reader is on its page ("page") or inside it, on a story of
 * its section or a FAST card ("true"). The pathname is known when the page is rendered on the
 * server, so the mark is in the HTML and works with JavaScript off; with it, the row scrolls to
 * bring a marked link that sits beyond a phone's edge into view.
 */
export function NavLink({
  href,
  className,
  children,
}: {
  href: string;
  className: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const current = pathname === href ? "page" : pathname.startsWith(`${href}/`) ? "true" : undefined;
  const ref = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    const link = ref.current;
    const row = link?.closest("nav");
    if (!current || !link || !row) return;
    // Only the row scrolls: scrollIntoView would also move the page (a deep-linked FAST card).
    const past = link.getBoundingClientRect().right - row.getBoundingClientRect().right;
    if (past > 0) row.scrollLeft += past + row.clientWidth / 4;
  }, [current]);

  return (
    <Link ref={ref} prefetch={false} href={href} aria-current={current} className={className}>
      {children}
    </Link>
  );
}
