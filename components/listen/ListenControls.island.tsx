"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

/** Speeds offered; 1 is the voice's own. */
const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;
/** How far the skip buttons move, in seconds. */
const SKIP = 15;

const noChange = () => () => {};

/**
 * What scripts add to the browser's own player (which plays, pauses and seeks without them): back
 * and forward 15 s, the time left, a speed from 0.75× to 2×, the place kept per narration
 * (localStorage: a reader who comes back resumes there), and Media Session, so a lock screen or
 * headphones control it. Its row is in the page before scripts run, empty, so nothing moves when it
 * fills. Nothing plays by itself.
 */
export function ListenControls({
  audioId,
  url,
  seconds,
  title,
  site,
}: {
  audioId: string;
  url: string;
  seconds: number;
  title: string;
  site: string;
}) {
  const enhanced = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  const [at, setAt] = useState(0);
  const [length, setLength] = useState(seconds);
  const [rate, setRate] = useState(1);
  const key = `dispatch:listen:${url}`;

  useEffect(() => {
    const a = document.getElementById(audioId);
    if (!(a instanceof HTMLAudioElement)) return;
    const saved = Number(safeGet(key));
    let resumed = !(saved > 0 && saved < seconds - 5);
    let lastSaved = 0;
    // The place kept from a visit before, taken up when the reader presses play: at once if the
    // audio's length is known, else when it is (a position set before that may be dropped).
    const resume = () => {
      if (resumed || a.readyState < HTMLMediaElement.HAVE_METADATA) return;
      resumed = true;
      if (a.currentTime < 1) a.currentTime = saved;
    };
    const onPlay = () => {
      resume();
      setMediaSession(a, title, site);
    };
    const onTime = () => {
      setAt(a.currentTime);
      if (Math.abs(a.currentTime - lastSaved) >= 5) {
        lastSaved = a.currentTime;
        safeSet(key, String(Math.floor(a.currentTime)));
      }
    };
    const onPause = () => safeSet(key, String(Math.floor(a.currentTime)));
    const onEnded = () => safeSet(key, "0");
    const onMeta = () => {
      if (Number.isFinite(a.duration) && a.duration > 0) setLength(a.duration);
      if (!a.paused) resume();
    };
    a.addEventListener("play", onPlay);
    a.addEventListener("timeupdate", onTime);
    a.addEventListener("pause", onPause);
    a.addEventListener("ended", onEnded);
    a.addEventListener("loadedmetadata", onMeta);
    return () => {
      a.removeEventListener("play", onPlay);
      a.removeEventListener("timeupdate", onTime);
      a.removeEventListener("pause", onPause);
      a.removeEventListener("ended", onEnded);
      a.removeEventListener("loadedmetadata", onMeta);
    };
  }, [audioId, key, seconds, title, site]);

  const audio = () => {
    const a = document.getElementById(audioId);
    return a instanceof HTMLAudioElement ? a : undefined;
  };
  const skip = (by: number) => {
    const a = audio();
    if (!a) return;
    a.currentTime = Math.max(0, Math.min(a.duration || length, a.currentTime + by));
    setAt(a.currentTime);
  };

  return (
    <div className="mt-2 flex h-11 items-center gap-2" aria-hidden={enhanced ? undefined : true}>
      {enhanced ? (
        <>
          <button type="button" onClick={() => skip(-SKIP)} className={BUTTON}>
            <span aria-hidden="true">−15s</span>
            <span className="sr-only">Back 15 seconds</span>
          </button>
          <button type="button" onClick={() => skip(SKIP)} className={BUTTON}>
            <span aria-hidden="true">+15s</span>
            <span className="sr-only">Forward 15 seconds</span>
          </button>
          <p className="text-muted min-w-0 flex-1 text-sm whitespace-nowrap tabular-nums">
            {clock(Math.max(0, length - at))} left
          </p>
          <label className="text-muted flex shrink-0 items-center gap-1 text-sm">
            <span className="sr-only sm:not-sr-only">Speed</span>
            <select
              value={rate}
              onChange={(e) => {
                const next = Number(e.target.value);
                setRate(next);
                const a = audio();
                if (a) a.playbackRate = next;
              }}
              className="border-rule bg-page text-ink h-11 rounded border px-1"
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
    </div>
  );
}

const BUTTON =
  "border-rule bg-page hover:bg-panel inline-flex h-11 min-w-11 shrink-0 items-center justify-center rounded-full border px-3 text-sm font-semibold tabular-nums";

/** 83 → "1:23". */
function clock(s: number): string {
  const whole = Math.max(0, Math.floor(s));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** Lock screens and headphones: what is playing, and its controls. */
function setMediaSession(a: HTMLAudioElement, title: string, site: string) {
  if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") return;
  const session = navigator.mediaSession;
  session.metadata = new MediaMetadata({ title, artist: site, album: "Listen" });
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ["play", () => void a.play()],
    ["pause", () => a.pause()],
    ["seekbackward", (d) => (a.currentTime = Math.max(0, a.currentTime - (d.seekOffset ?? SKIP)))],
    ["seekforward", (d) => (a.currentTime = a.currentTime + (d.seekOffset ?? SKIP))],
    ["seekto", (d) => (a.currentTime = d.seekTime ?? a.currentTime)],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // An action this browser does not know.
    }
  }
}

/** localStorage, which a private window or a full disk may refuse. */
function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not kept: the reader starts from the top next time.
  }
}
