"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The Play button over an embed's card, and the player once pressed. Shown only once JavaScript runs
 * (it could do nothing without it); until the press the page holds no iframe, so the provider sees
 * no request and sets no cookie.
 */
export function EmbedPlayer({
  player,
  title,
  provider,
}: {
  player: string;
  title: string;
  provider: string;
}) {
  // False in the server's HTML and during hydration, true once JavaScript runs the page.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [playing, setPlaying] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    if (playing) frame.current?.focus();
  }, [playing]);

  if (!ready) return null;
  if (playing) {
    return (
      <iframe
        ref={frame}
        src={player}
        title={title}
        className="body-embed-frame"
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
    );
  }
  return (
    <button type="button" className="body-embed-play" onClick={() => setPlaying(true)}>
      Load {title.toLowerCase().startsWith("video") ? "video" : "post"} from {provider}
      <span className="sr-only"> (loads content from {provider})</span>
    </button>
  );
}
