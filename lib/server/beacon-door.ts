/**
 * Most read's beacons answered in front of Next.js. A beacon is one small POST per page view; through
 * the framework's request pipeline (the proxy, the route's bundle) each cost about as much as a page
 * (bench:beacons: 1,000 a second took the server's whole thread and left pages 95 req/s of 589).
 * Here it costs a form field, a map lookup and a filter test: `POST /api/read` is answered by a door
 * in front of the framework (front-door.ts), everything else handed on unchanged.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ProxyTrust } from "@/lib/runtime/client-ip";
import { answerBeacon, beaconResponse, MAX_BEACON_BYTES, type BeaconAnswer } from "@/lib/reads/beacon";
import { installFrontDoor, pathOf } from "./front-door";

const PATH = "/api/read";

export function installBeaconDoor(
  trust: ProxyTrust,
  isPublicStory: () => ((slug: string) => boolean) | undefined,
): void {
  installFrontDoor((request, response) => {
    if (request.method !== "POST" || pathOf(request.url) !== PATH) return false;
    answer(request, response, trust, isPublicStory);
    return true;
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
