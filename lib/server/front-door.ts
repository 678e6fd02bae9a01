/**
 * A door in front of Next.js (beacon-door.ts, audio-door.ts): on the first request Node announces
 * (diagnostics channel, published before the server's 'request' event), the server's request
 * listeners are put behind one that lets `answer` take the request, or hands it on to them, unchanged.
 * Doors installed one after another nest, the last outermost; the start-up's "starting" answer
 * (readiness.ts) is installed after them and puts the outermost back when it steps aside.
 */
import { subscribe } from "node:diagnostics_channel";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";

type Listener = (...args: unknown[]) => unknown;

/** `answer` returns true when it has taken the request; false hands it on. */
export function installFrontDoor(
  answer: (request: IncomingMessage, response: ServerResponse) => boolean,
): void {
  let wrapped = false;
  subscribe("http.server.request.start", (message) => {
    const server =
      typeof message === "object" && message !== null && "server" in message ? message.server : undefined;
    if (wrapped || !(server instanceof Server)) return;
    wrapped = true;
    const listeners = server.listeners("request").filter(isListener);
    server.removeAllListeners("request");
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      if (!answer(request, response))
        for (const l of listeners) Reflect.apply(l, server, [request, response]);
    });
  });
}

/** A request's path, without its query. */
export function pathOf(url: string | undefined): string {
  const q = url?.indexOf("?") ?? -1;
  return q < 0 ? (url ?? "") : (url ?? "").slice(0, q);
}

function isListener(f: unknown): f is Listener {
  return typeof f === "function";
}
