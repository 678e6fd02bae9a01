"use client";

import { useEffect, useRef, useState } from "react";
import { ShareIcon } from "./ShareIcon";

type Props = { url: string; title: string; text?: string; buttonClass: string };

/**
 * Share (system sheet via navigator.share) and Copy link. Rendered only once JavaScript runs, since
 * neither can work without it; the plain network links beside them always work. Copying says so in
 * a brief note on screen (a sighted reader saw no change before, issue 28) and to screen readers.
 */
export function ShareActions({ url, title, text, buttonClass }: Props) {
  const [ready, setReady] = useState(false);
  const [canShare, setCanShare] = useState(false);
  const [status, setStatus] = useState("");
  const [showUrl, setShowUrl] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Feature detection must wait for the browser: the server cannot know.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReady(true);
    setCanShare(typeof navigator.share === "function");
  }, []);

  useEffect(() => {
    if (showUrl) field.current?.select();
  }, [showUrl]);

  // The confirmation is brief: it goes after a few seconds (screen readers have announced it).
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(""), showUrl ? 10_000 : 4_000);
    return () => clearTimeout(timer);
  }, [status, showUrl]);

  async function share() {
    try {
      await navigator.share({ title, text, url });
    } catch (error) {
      // A reader closing the sheet is not an error; anything else falls back to copying.
      if (error instanceof DOMException && error.name === "AbortError") return;
      await copy();
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setShowUrl(false);
      setStatus("Link copied");
    } catch {
      setShowUrl(true);
      setStatus("Copying is blocked here: the link is selected, press Ctrl+C or Command+C to copy it");
    }
  }

  if (!ready) return null;
  return (
    <>
      {canShare ? (
        <button type="button" onClick={share} className={`${buttonClass} w-auto gap-2 px-4 font-semibold`}>
          <ShareIcon name="share" />
          Share
        </button>
      ) : null}
      <button type="button" onClick={copy} aria-label="Copy link" title="Copy link" className={buttonClass}>
        <ShareIcon name="link" />
      </button>
      {showUrl ? (
        <input
          ref={field}
          readOnly
          value={url}
          aria-label="Link to this story"
          className="border-rule bg-page min-h-11 w-full rounded border px-2 text-sm"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      {/* Polite (role="status") and visible: a note floating at the top of the screen, out of the
          page's flow, so it moves nothing and covers nothing the reader was tapping. */}
      <p
        role="status"
        className={
          status
            ? "bg-ink text-page pointer-events-none fixed inset-x-4 top-3 z-30 mx-auto w-fit max-w-md rounded-2xl px-4 py-2 text-center text-sm font-semibold shadow-lg"
            : "sr-only"
        }
      >
        {status}
      </p>
    </>
  );
}
