"use client";

import { useEffect, useState } from "react";
import { MostReadList } from "./MostReadList";
import { parseMostRead, type MostReadItem } from "./most-read-answer";

/**
 * Most read on a story page. The page is cached for long and the ranking moves every minute, so the
 * list is asked for when the page runs (/most-read.json); without JavaScript, or until it comes, the
 * server's link to /most-read stands in its place.
 */
export function MostRead({ children }: { children: React.ReactNode }) {
  const [stories, setStories] = useState<MostReadItem[]>();
  useEffect(() => {
    const controller = new AbortController();
    fetch("/most-read.json", { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((body: unknown) => setStories(parseMostRead(body)))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return stories && stories.length > 0 ? <MostReadList stories={stories} /> : children;
}
