"use client";

import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { FAST_MARKER } from "@/lib/config/paths";
import { FastReturnLink } from "./FastReturn";

/**
 * "Return to FAST" kept in reach while a reader who came from FAST reads the story: a slim bar at the
 * foot of the screen, shown only while neither in-page return link (top and end of the story) is on
 * screen. It is a named navigation landmark in the page's tab order, so screen readers and the
 * keyboard reach it; hidden, it is out of both. The page keeps room for it below its last line
 * (globals.css), so it never covers the end of the page. Without JavaScript the two in-page links
 * remain.
 */
export function FastReturnBar({ slug }: { slug: string }) {
  const pathname = usePathname();
  const [fromFast, setFromFast] = useState(false);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    // The fragment is only known in the browser; the router changes the path without a hashchange.
    const check = () => setFromFast(window.location.hash === `#${FAST_MARKER}`);
    check();
    window.addEventListener("hashchange", check);
    return () => window.removeEventListener("hashchange", check);
  }, [pathname]);

  useEffect(() => {
    if (!fromFast) return;
    const links = Array.from(document.querySelectorAll<HTMLElement>("article .fast-return"));
    const top = links[0];
    if (!top) return;
    const inView = new Map<Element, IntersectionObserverEntry>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) inView.set(entry.target, entry);
      const topEntry = inView.get(top);
      const passedTop = topEntry ? !topEntry.isIntersecting && topEntry.boundingClientRect.top < 0 : false;
      const anyInView = [...inView.values()].some((e) => e.isIntersecting);
      setShown(passedTop && !anyInView);
    });
    for (const link of links) observer.observe(link);
    return () => observer.disconnect();
  }, [fromFast, pathname]);

  if (!fromFast) return null;
  return (
    <nav
      aria-label="Back to FAST"
      className={`fast-return-bar bg-page/95 border-rule fixed inset-x-0 bottom-0 z-20 border-t px-4 pt-1.5 pb-[calc(0.375rem+env(safe-area-inset-bottom))] transition-transform motion-reduce:transition-none ${shown ? "" : "invisible translate-y-full"}`}
    >
      <div className="mx-auto max-w-[42rem] sm:px-2">
        <FastReturnLink slug={slug} />
      </div>
    </nav>
  );
}
