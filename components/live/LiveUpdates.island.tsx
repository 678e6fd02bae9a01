"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveView, UpdateView } from "@/lib/content/live-view";
import { KeyEvents } from "./KeyEvents";
import { LiveStatus } from "./LiveStatus";
import { parseLiveView, type Polled } from "./poll-answer";
import { UpdateCard } from "./UpdateCard";

/** How often a page asks once nothing has changed for a while (the usual pace is LIVE_POLL_MS). */
const QUIET_POLL_MS = 60_000;
/** Polls with no change before slowing down (80 s at the normal pace). */
const QUIET_AFTER = 8;

type Props = {
  /** Shown between the key events and the updates (the story's own text). */
  children?: React.ReactNode;
  /** The poll endpoint (its JSON is a LiveView). */
  endpoint: string;
  initial: LiveView;
  /** Page 1 of coverage that is live: ask for new updates. Older pages and ended coverage: never. */
  poll: boolean;
  /** Milliseconds between asks (LIVE_POLL_MS). */
  pollMs: number;
};

/**
 * A live story's updates. The server renders them (JavaScript off: the page is complete, with a link
 * to refresh it); in the browser, page 1 asks the poll endpoint for news every LIVE_POLL_MS (10 s)
 * while the tab is visible, once a minute after eight quiet asks, and stops when coverage ends.
 *
 * New updates appear in place when the top of the list is on screen. A reader further down is never
 * moved: a "N new updates" button appears instead, the tab's title shows "(N)", and a polite live
 * region says so once. Pressing the button shows them and moves focus to the first. Edited updates
 * change in place; deleted ones go. Focus is never taken without the reader acting. The key events
 * follow the same rule: one whose update waits behind the button waits with it, so the box above the
 * reader never grows under them.
 */
export function LiveUpdates({ children, endpoint, initial, poll, pollMs }: Props) {
  const [view, setView] = useState(initial);
  const [shown, setShown] = useState<UpdateView[]>(initial.updates);
  const [pending, setPending] = useState<UpdateView[]>([]);
  const [announcement, setAnnouncement] = useState("");
  /** The update to focus once shown (set by the button, read after the render that shows it). */
  const focusId = useRef<string | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);
  const baseTitle = useRef<string | undefined>(undefined);

  const merge = useCallback((next: Polled) => {
    // An answer without key events (a build before them, still in a cache) leaves the box as it is.
    setView((before) => ({ ...next, keyEvents: next.keyEvents ?? before.keyEvents }));
    const latest = new Map(next.updates.map((u) => [u.id, u]));
    // The answer holds every update, or (when there are more) the newest down to `oldest`.
    const oldest = next.updates.filter((u) => !u.pinned).at(-1)?.published;
    const inWindow = (u: UpdateView) =>
      !next.more || u.pinned || oldest === undefined || Date.parse(u.published) >= Date.parse(oldest);
    // Edited updates change in place; those gone from the newest window are deleted.
    const keep = (u: UpdateView) => !inWindow(u) || latest.has(u.id);
    const refresh = (u: UpdateView) => latest.get(u.id) ?? u;
    // Re-sorted: an update pinned or unpinned, or its time edited, takes its place.
    setShown((before) => sortUpdates(before.filter(keep).map(refresh)));
    setPending((before) => before.filter((u) => latest.has(u.id)).map(refresh));
    return latest;
  }, []);

  // New updates: shown at once when the list's top is on screen, otherwise held for the button.
  const arrive = useCallback(
    (next: Polled) => {
      const known = new Set([...shown, ...pending].map((u) => u.id));
      merge(next);
      const fresh = next.updates.filter((u) => !known.has(u.id));
      if (fresh.length === 0) return false;
      const top = list.current?.getBoundingClientRect().top ?? 0;
      if (top >= 0) setShown((before) => sortUpdates([...fresh, ...before]));
      else setPending((before) => sortUpdates([...fresh, ...before]));
      setAnnouncement(fresh.length === 1 ? "1 new update" : `${fresh.length} new updates`);
      return true;
    },
    [merge, shown, pending],
  );

  const arriveRef = useRef(arrive);
  useEffect(() => {
    arriveRef.current = arrive;
  }, [arrive]);

  useEffect(() => {
    if (!poll || !view.live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let quiet = 0;
    let stopped = false;
    let asking = false;
    let lastBody = "";
    const schedule = () => {
      if (stopped || document.hidden || asking || timer) return;
      timer = setTimeout(tick, quiet >= QUIET_AFTER ? Math.max(QUIET_POLL_MS, pollMs) : pollMs);
    };
    const tick = async () => {
      timer = undefined;
      if (asking || stopped) return;
      asking = true;
      try {
        const response = await fetch(endpoint, { headers: { Accept: "application/json" } });
        // The story is gone (or was never public): nothing more will come.
        if (response.status === 404 || response.status === 410) stopped = true;
        const text = response.ok ? await response.text() : "";
        const next = parseLiveView(text);
        if (next && text !== lastBody) {
          lastBody = text;
          quiet = 0;
          arriveRef.current(next);
          if (!next.live) stopped = true;
        } else quiet += 1; // no change, an error or a malformed answer: ask less often
      } catch {
        quiet += 1;
      } finally {
        asking = false;
      }
      schedule();
    };
    const visibility = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      // Back on the tab: ask at once (unless an ask is under way), then at the normal pace.
      if (!document.hidden) {
        quiet = 0;
        void tick();
      }
    };
    document.addEventListener("visibilitychange", visibility);
    schedule();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener("visibilitychange", visibility);
    };
  }, [endpoint, poll, pollMs, view.live]);

  // The tab's title counts updates the reader has not been shown.
  useEffect(() => {
    baseTitle.current ??= document.title.replace(/^\(\d+\) /, "");
    document.title = pending.length > 0 ? `(${pending.length}) ${baseTitle.current}` : baseTitle.current;
  }, [pending.length]);

  // After the button: focus the first update it showed (the reader asked for them).
  useEffect(() => {
    if (!focusId.current) return;
    const element = document.getElementById(`update-${focusId.current}`);
    focusId.current = undefined;
    element?.focus();
    element?.scrollIntoView({ block: "start" });
  }, [shown]);

  const showPending = () => {
    const first = pending[0];
    setShown((before) => sortUpdates([...pending, ...before]));
    setPending([]);
    setAnnouncement("");
    if (first) focusId.current = first.id;
  };

  const waiting = new Set(pending.map((u) => u.id));
  return (
    <section aria-labelledby="live-updates-heading" className="mt-6">
      <LiveStatus view={view} />
      <KeyEvents events={view.keyEvents.filter((e) => !waiting.has(e.id))} />
      {children}
      <h2 id="live-updates-heading" className="sr-only">
        Updates
      </h2>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {pending.length > 0 ? (
        // Fixed, so it takes no room: nothing on the page moves when it appears or goes.
        <div className="fixed inset-x-0 top-3 z-20 flex justify-center px-4">
          <button type="button" onClick={showPending} className="live-new-button">
            {pending.length === 1 ? "1 new update" : `${pending.length} new updates`}
          </button>
        </div>
      ) : null}
      <ol ref={list} className="mt-3 list-none p-0" aria-label="Updates, newest first">
        {shown.map((u) => (
          <li key={u.id}>
            <UpdateCard update={u} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The pinned update first, then newest first. */
function sortUpdates(updates: UpdateView[]): UpdateView[] {
  const seen = new Set<string>();
  return updates
    .filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)))
    .sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        Date.parse(b.published) - Date.parse(a.published) ||
        (a.id < b.id ? 1 : -1),
    );
}
