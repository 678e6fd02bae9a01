/**
 * The reader's address, for per-IP rate limits, that a client cannot choose.
 *
 * Next.js sets X-Forwarded-For only when the request has none and never appends to it, so the header
 * alone is whatever the client sent. The server therefore stamps each request with the address of
 * the socket it came in on (`x-dispatch-peer`, replacing any such header a client sent), through
 * Node's HTTP diagnostics channel before Next.js sees the request. Then:
 * - served directly (TRUSTED_PROXIES=0), the reader is the socket's peer;
 * - behind N proxies that each append the address they saw (the shipped nginx does), the reader is the
 *   Nth entry from the end of X-Forwarded-For: the one the outermost trusted proxy added. Entries
 *   before it are the client's own and are ignored.
 */
import { subscribe } from "node:diagnostics_channel";
import { IncomingMessage } from "node:http";
import { isIPv6 } from "node:net";

export const PEER_HEADER = "x-dispatch-peer";

let installed = false;

export function installPeerAddress(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const request =
      message && typeof message === "object" && "request" in message ? message.request : undefined;
    if (!(request instanceof IncomingMessage)) return;
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  });
}

type Headers = { get(name: string): string | null };

export function clientIp(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_HEADER) || undefined;
  if (trustedProxies === 0) return peer ?? lastHop(headers) ?? "unknown";
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through them all.
  return hops[hops.length - trustedProxies] ?? peer ?? "unknown";
}

/** Development (no stamp): the address Next.js itself put in X-Forwarded-For. */
function lastHop(headers: Headers): string | undefined {
  return (headers.get("x-forwarded-for") ?? "").split(",").at(-1)?.trim() || undefined;
}

/**
 * The rate-limit bucket of an address: IPv6 readers usually hold a whole /64, so one address each
 * would give one reader millions of buckets; IPv4-mapped IPv6 is the IPv4 address.
 */
export function ipBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head = "", tail = ""] = ip.split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const fill = Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...(ip.includes("::") ? fill : []), ...right].map((g) =>
    g.toLowerCase().replace(/^0+(?=.)/, ""),
  );
}
