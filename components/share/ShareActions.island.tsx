"use client";

import { useEffect, useRef, useState } from "react";
import { ShareIcon } from "./ShareIcon";

type Props = { url: string; title: string; text?: string; buttonClass: string };

/**
 * Share (system sheet via navigator.share) and Copy link. Rendered only once JavaScript runs, since
 * neither can work without it; the plain network links beside them always work.
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
      <p role="status" className="sr-only">
        {status}
      </p>
    </>
  );
}
