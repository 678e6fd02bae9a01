/**
 * Most read's beacons answered in front of Next.js. A beacon is one small POST per page view; through
 * the framework's request pipeline (the proxy, the route's bundle) each cost about as much as a page
 * (bench:beacons: 1,000 a second took the server's whole thread and left pages 95 req/s of 589).
 * Here it costs a form field, a map lookup and a filter test. On the first request Node announces
 * (diagnostics channel, published before the server's 'request' event), the server's request
 * listeners are put behind one that answers `POST /api/read` itself and hands everything else to
 * them, unchanged. Installed before the start-up's "starting" answer (lib/server/readiness.ts), which
 * then puts this listener back, not Next's, when it steps aside.
 */
import { subscribe } from "node:diagnostics_channel";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import type { ProxyTrust } from "@/lib/runtime/client-ip";
import { answerBeacon, beaconResponse, MAX_BEACON_BYTES, type BeaconAnswer } from "@/lib/reads/beacon";

type Listener = (...args: unknown[]) => unknown;

const PATH = "/api/read";

export function installBeaconDoor(
  trust: ProxyTrust,
  isPublicStory: () => ((slug: string) => boolean) | undefined,
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
      if (request.method === "POST" && pathOf(request.url) === PATH)
        answer(request, response, trust, isPublicStory);
      else for (const l of listeners) Reflect.apply(l, server, [request, response]);
    });
  });
}

function answer(
  request: IncomingMessage,
  response: ServerResponse,
  trust: ProxyTrust,
  isPublicStory: () => ((slug: string) => boolean) | undefined,
) {
  const send = (a: BeaconAnswer) => {
    if (response.headersSent || response.destroyed) return;
    const { status, headers, body } = beaconResponse(a);
    response.writeHead(status, { ...headers, "Content-Length": Buffer.byteLength(body) }).end(body);
  };
  if (Number(request.headers["content-length"] ?? 0) > MAX_BEACON_BYTES) {
    send({ status: 413, error: "too large" });
    request.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BEACON_BYTES) {
      send({ status: 413, error: "too large" });
      request.destroy();
    } else chunks.push(chunk);
  });
  request.on("error", () => undefined);
  request.on("end", () => {
    if (size > MAX_BEACON_BYTES) return;
    const known = isPublicStory();
    // The content is still being read (start-up): no story can be told public yet.
    if (!known) return send({ status: 503, error: "starting" });
    const headers = { get: (name: string) => headerOf(request, name) };
    send(answerBeacon(headers, Buffer.concat(chunks).toString("utf8"), known, trust));
  });
}

function headerOf(request: IncomingMessage, name: string): string | null {
  const v = request.headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
}

function pathOf(url: string | undefined): string {
  const q = url?.indexOf("?") ?? -1;
  return q < 0 ? (url ?? "") : (url ?? "").slice(0, q);
}

function isListener(f: unknown): f is Listener {
  return typeof f === "function";
}
