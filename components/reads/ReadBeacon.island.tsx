"use client";

import { useEffect } from "react";

/** Seconds on the story (while the page is shown) that make a read. */
const READ_AFTER_MS = 5_000;

/**
 * Counts a read for Most read: once per page view, when the reader has had the story on screen for a
 * few seconds or has scrolled into it. No cookie, nothing stored in the browser; the server keeps
 * only a count (app/api/read/route.ts). Readers without JavaScript are not counted (docs/CONTENT.md).
 */
export function ReadBeacon({ slug }: { slug: string }) {
  useEffect(() => {
    let sent = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownFor = 0;
    let shownSince = document.visibilityState === "visible" ? Date.now() : undefined;

    const send = () => {
      if (sent) return;
      sent = true;
      stop();
      const body = new URLSearchParams({ story: slug });
      if (!navigator.sendBeacon?.("/api/read", body)) {
        void fetch("/api/read", { method: "POST", body, keepalive: true }).catch(() => undefined);
      }
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(send, Math.max(0, READ_AFTER_MS - shownFor));
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        shownSince = Date.now();
        arm();
      } else {
        if (shownSince !== undefined) shownFor += Date.now() - shownSince;
        shownSince = undefined;
        if (timer) clearTimeout(timer);
      }
    };
    const onScroll = () => {
      if (window.scrollY > window.innerHeight / 2) send();
    };
    function stop() {
      if (timer) clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("scroll", onScroll);
    }
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("scroll", onScroll, { passive: true });
    if (shownSince !== undefined) arm();
    return stop;
  }, [slug]);
  return null;
}
