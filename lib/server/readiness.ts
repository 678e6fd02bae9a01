/**
 * Where this server process is in its start-up, for /health (readiness), the "starting" answer and
 * the search page (issue 26). A serving process answers from its first second. While it reads the
 * content folders (a few seconds from the snapshot, lib/content/snapshot.ts; about 40 s at 100k
 * stories without one) a page request waits for the content, up to HOLD_MS, then gets a 503 with
 * Retry-After; one sent by the shipped nginx, which passes a 503 on to another instance, gets that
 * 503 at once. Once the content is in, pages are served while the search index is still being built
 * off the server's thread.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { processSingleton } from "@/lib/runtime/singleton";
import { STARTING_HEADERS, startingHtml } from "./starting-page";

export type Phase =
  /** Not a serving process's start-up (a build, development, a test): nothing to wait for. */
  | "none"
  /** Reading the content folders: no page can be rendered yet. */
  | "loading"
  /** Pages are served; the search index is being built. */
  | "indexing"
  /** Everything is in. */
  | "ready";

/** The longest a page request waits for the content before it is answered "starting". */
const HOLD_MS = 10_000;
/** Requests held at most; past that a request is answered "starting" at once (memory, the release). */
const MAX_HELD = 1_000;
/** Held requests passed on per turn of the event loop once the content is in. */
const RELEASE_BATCH = 50;
/**
 * Sent by the shipped nginx (deploy/nginx.conf): it passes a 503 to another instance, so a request
 * is better answered at once than held. Anyone may send it; all it gets them is the 503 sooner.
 */
const ANSWER_AT_ONCE = "x-dispatch-next-upstream";

type Listener = (...args: unknown[]) => unknown;
type Held = { request: IncomingMessage; response: ServerResponse; timer: NodeJS.Timeout };
type State = {
  phase: Phase;
  wrapped?: { server: Server; listeners: Listener[] };
  unsubscribe?: () => void;
  held: Set<Held>;
  holdMs: number;
  maxHeld: number;
};

function state(): State {
  return processSingleton<State>("server.readiness", () => ({
    phase: "none",
    held: new Set(),
    holdMs: HOLD_MS,
    maxHeld: MAX_HELD,
  }));
}

export function startupPhase(): Phase {
  return state().phase;
}

export function enterPhase(phase: Phase): void {
  const s = state();
  s.phase = phase;
  if (phase === "loading") return;
  s.unsubscribe?.();
  s.unsubscribe = undefined;
  if (!s.wrapped) return;
  // The server's own listeners back, the very functions: nothing is left in the path of a request.
  const { server, listeners } = s.wrapped;
  s.wrapped = undefined;
  server.removeAllListeners("request");
  for (const l of listeners) server.on("request", l);
  // Then the requests that waited for the content, in the order they came, a batch per turn: a
  // thousand renders started at once would hold the thread (and the health checks) for seconds.
  const held = [...s.held];
  s.held.clear();
  void (async () => {
    for (const [i, h] of held.entries()) {
      if (i > 0 && i % RELEASE_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      clearTimeout(h.timer);
      if (h.response.destroyed) continue;
      for (const l of listeners) Reflect.apply(l, server, [h.request, h.response]);
    }
  })();
}

/** The content could not be read (the process is about to exit): every held request gets "starting". */
export function answerHeld(): void {
  const s = state();
  for (const h of s.held) {
    clearTimeout(h.timer);
    answerStarting(h.response);
  }
  s.held.clear();
}

/**
 * While loading, answers in front of Next.js itself: its request pipeline costs ~1.5 ms a request,
 * and at 300 requests a second that doubled a 100k-story start-up (36 s → 64 s in bench:scale). On
 * the first request Node announces (diagnostics channel, published before the server's 'request'
 * event), the server's request listeners are replaced by one that holds page requests (or answers
 * "starting"); the first change of phase puts them back and passes them the requests held. Build
 * assets and the health checks go straight to Next.js. The options are for tests.
 */
export function installStartingAnswer({
  holdMs = HOLD_MS,
  maxHeld = MAX_HELD,
}: { holdMs?: number; maxHeld?: number } = {}): void {
  const s = state();
  s.holdMs = holdMs;
  s.maxHeld = maxHeld;
  s.unsubscribe?.();
  const onRequest = (message: unknown) => {
    const server =
      typeof message === "object" && message !== null && "server" in message ? message.server : undefined;
    if (s.phase !== "loading" || s.wrapped || !(server instanceof Server)) return;
    const listeners = server.listeners("request").filter(isListener);
    s.wrapped = { server, listeners };
    server.removeAllListeners("request");
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      if (s.phase === "loading" && needsContent(request.url ?? "/")) hold(request, response);
      else for (const l of listeners) Reflect.apply(l, server, [request, response]);
    });
  };
  subscribe(CHANNEL, onRequest);
  s.unsubscribe = () => unsubscribe(CHANNEL, onRequest);
}

const CHANNEL = "http.server.request.start";

/** Waits for the content, up to holdMs; answered "starting" at once for the shipped nginx. */
function hold(request: IncomingMessage, response: ServerResponse) {
  const s = state();
  if (request.headers[ANSWER_AT_ONCE] !== undefined || s.held.size >= s.maxHeld) {
    answerStarting(response);
    return;
  }
  const held: Held = {
    request,
    response,
    timer: setTimeout(() => {
      s.held.delete(held);
      answerStarting(response);
    }, s.holdMs),
  };
  s.held.add(held);
  // A reader who gives up is not answered later.
  response.once("close", () => {
    clearTimeout(held.timer);
    s.held.delete(held);
  });
}

function answerStarting(response: ServerResponse) {
  if (!response.headersSent && !response.destroyed)
    response.writeHead(503, STARTING_HEADERS).end(startingHtml());
}

function isListener(f: unknown): f is Listener {
  return typeof f === "function";
}

function needsContent(url: string): boolean {
  // The path as Next.js will read it (dot segments resolved): `/_next/static/../_next/image` is the
  // image optimizer, which needs content, not a build asset.
  let pathname: string;
  try {
    pathname = new URL(url, "http://localhost").pathname;
  } catch {
    return true;
  }
  return !/^\/(?:_next\/static\/|health(?:\/live)?$)/.test(pathname);
}

/** True while no page can be served yet. */
export function isLoadingContent(): boolean {
  return state().phase === "loading";
}
