"use client";

import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";

const NEXT_KEYS = new Set(["ArrowDown", "ArrowRight", "PageDown", "j"]);
const PREVIOUS_KEYS = new Set(["ArrowUp", "ArrowLeft", "PageUp", "k"]);
const subscribeNothing = () => () => {};

/**
 * Enhances the server-rendered FAST deck (which already scrolls and snaps without JavaScript):
 * keyboard moves one card at a time, previous/next links scroll in place, the address bar and the
 * document title follow the card in view, and the position is announced politely.
 */
export function DeckControls() {
  const [announcement, setAnnouncement] = useState("");
  // False while hydrating a page the server sent, true when the deck was rendered by a client
  // navigation (a link inside the site). Only the first render's answer counts.
  const clientRendered = useRef(
    useSyncExternalStore(
      subscribeNothing,
      () => true,
      () => false,
    ),
  );

  // A client navigation gets no help from CSS (scroll-initial-target acts on a document's first
  // load only), and the router then scrolls the new page to its top, after this component's own
  // layout effects: so the deck is opened at its card here, before paint, and once more in the next
  // frame's callbacks, which run after the router's scroll and still before anything is painted.
  useLayoutEffect(() => {
    if (!clientRendered.current) return;
    const card = document.querySelector<HTMLElement>(".fast-initial");
    if (!card) return;
    const open = () => card.scrollIntoView({ block: "start", behavior: "instant" });
    open();
    const frame = requestAnimationFrame(() => {
      if (Math.abs(card.getBoundingClientRect().top) > 1) open();
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  useEffect(() => {
    const cards = [...document.querySelectorAll<HTMLElement>("[data-fast-card]")];
    if (cards.length === 0) return;
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    const initial = cards.findIndex((c) => c.classList.contains("fast-initial"));
    let current = Math.max(0, initial);

    // Fallback for browsers without CSS scroll-initial-target: open the deck at its card.
    if (initial >= 0 && !clientRendered.current && window.scrollY < 1)
      cards[current]?.scrollIntoView({ block: "start" });
    // A deep link's keyboard order starts at its card, not at the first card of the page (whose
    // "Read full story" would take focus on the first Tab and scroll the deck back to it).
    if (current > 0 && document.activeElement === document.body) {
      cards[current]?.querySelector<HTMLElement>("[tabindex='-1']")?.focus({ preventScroll: true });
    }

    const show = (index: number) => {
      const card = cards[index];
      if (!card || index === current) return;
      current = index;
      const slug = card.dataset.slug;
      if (slug && slug !== "caught-up") {
        window.history.replaceState(null, "", `/fast/${slug}`);
        document.title = card.dataset.docTitle ?? document.title;
      }
      setAnnouncement(card.dataset.label ?? "You’re all caught up");
    };

    const go = (index: number) => {
      const card = cards[Math.max(0, Math.min(cards.length - 1, index))];
      if (!card) return;
      card.scrollIntoView({ block: "start", behavior: reducedMotion.matches ? "auto" : "smooth" });
      card.querySelector<HTMLElement>("[tabindex='-1']")?.focus({ preventScroll: true });
    };

    // The card crossing the middle of the viewport is the one being read, however tall it is.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) show(cards.findIndex((c) => c === entry.target));
        }
      },
      { rootMargin: "-50% 0px -50% 0px" },
    );
    cards.forEach((c) => observer.observe(c));

    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (
        event.target instanceof HTMLElement &&
        // A player's own keys (arrows seek) and form fields' stay theirs.
        event.target.closest("input, textarea, select, audio, video, [contenteditable]")
      )
        return;
      let target: number | undefined;
      if (NEXT_KEYS.has(event.key)) target = current + 1;
      else if (PREVIOUS_KEYS.has(event.key)) target = current - 1;
      else if (event.key === "Home") target = 0;
      else if (event.key === "End") target = cards.length - 1;
      if (target === undefined) return;
      event.preventDefault();
      go(target);
    };

    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link =
        event.target instanceof Element ? event.target.closest<HTMLElement>("[data-deck-target]") : null;
      const index = cards.findIndex((c) => c.dataset.slug === link?.dataset.deckTarget);
      if (!link || index < 0) return; // beyond this page's window: follow the link
      event.preventDefault();
      go(index);
    };

    window.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      observer.disconnect();
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, []);

  return (
    <p aria-live="polite" aria-atomic="true" className="sr-only">
      {announcement}
    </p>
  );
}
