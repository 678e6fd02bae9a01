/**
 * Where this server process is in its start-up, for /health (readiness), the proxy's "starting"
 * answer and the search page (issue 26). A serving process answers from its first second: while it
 * reads the content folders (about a minute at 100k stories) every page gets a quick 503 with
 * Retry-After, which the shipped nginx passes on to another instance, instead of a request held open
 * until the read is done; once the content is in, pages are served while the search index is still
 * being built off the server's thread.
 */
import { subscribe } from "node:diagnostics_channel";
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

type Listener = (...args: unknown[]) => unknown;
type State = { phase: Phase; since: number; wrapped?: { server: Server; listeners: Listener[] } };

function state(): State {
  return processSingleton<State>("server.readiness", () => ({ phase: "none", since: Date.now() }));
}

export function startupPhase(): Phase {
  return state().phase;
}

export function enterPhase(phase: Phase): void {
  const s = state();
  s.phase = phase;
  s.since = Date.now();
  if (phase !== "loading" && s.wrapped) {
    // The server's own listeners back, as they were: nothing is left in the path of a request.
    const { server, listeners } = s.wrapped;
    s.wrapped = undefined;
    server.removeAllListeners("request");
    for (const l of listeners) server.on("request", l);
  }
}

/**
 * While loading, answers "starting" in front of Next.js itself: its request pipeline costs ~1.5 ms
 * a request, and at 300 requests a second that doubled a 100k-story start-up (36 s → 64 s in
 * bench:scale). On the first request Node announces (diagnostics channel, published before the
 * server's 'request' event), the server's request listeners are wrapped; the first change of phase
 * puts them back. Build assets and the health checks still go to Next.js.
 */
export function installStartingAnswer(): void {
  subscribe("http.server.request.start", (message) => {
    const s = state();
    const server =
      typeof message === "object" && message !== null && "server" in message ? message.server : undefined;
    if (s.phase !== "loading" || s.wrapped || !(server instanceof Server)) return;
    const listeners = server.listeners("request").map(
      (l): Listener =>
        (...args) =>
          Reflect.apply(l, server, args),
    );
    s.wrapped = { server, listeners };
    server.removeAllListeners("request");
    const wrapper = (request: IncomingMessage, response: ServerResponse) => {
      if (state().phase === "loading" && needsContent(request.url ?? "/")) {
        response.writeHead(503, STARTING_HEADERS).end(startingHtml());
        return;
      }
      for (const l of listeners) l(request, response);
    };
    server.on("request", wrapper);
  });
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
