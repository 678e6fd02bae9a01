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
 *   before it are the client's own and are ignored. That holds only for requests that did come
 *   through the proxy, so the header counts only when the socket's peer is one of
 *   TRUSTED_PROXY_ADDRESSES (loopback by default); anyone else who reaches Node directly is counted
 *   by their own address, whatever they send.
 */
import { subscribe } from "node:diagnostics_channel";
import { IncomingMessage } from "node:http";
import { BlockList, isIP, isIPv6 } from "node:net";

export const PEER_HEADER = "x-dispatch-peer";

let installed = false;

export function installPeerAddress(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const request =
      message && typeof message === "object" && "request" in message ? message.request : undefined;
    if (!(request instanceof IncomingMessage)) return;
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "unknown";
  });
}

type Headers = { get(name: string): string | null };

export type ProxyTrust = {
  /** Proxies in front that each append to X-Forwarded-For (TRUSTED_PROXIES). */
  trustedProxies: number;
  /** Peers whose X-Forwarded-For is believed: IPs or subnets (TRUSTED_PROXY_ADDRESSES). */
  trustedProxyAddresses: readonly string[];
};

export function clientIp(headers: Headers, trust: ProxyTrust): string {
  const peer = headers.get(PEER_HEADER) || undefined;
  // No stamp (development): the address Next.js itself put in X-Forwarded-For when it had none.
  if (!peer) return lastHop(headers) ?? "unknown";
  if (trust.trustedProxies === 0 || !isTrustedPeer(peer, trust.trustedProxyAddresses)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through them all.
  return hops[hops.length - trust.trustedProxies] ?? peer;
}

const lists = new WeakMap<readonly string[], BlockList>();

/** BlockList matches IPv4-mapped IPv6 peers (`::ffff:10.0.0.5`) against IPv4 entries too. */
function isTrustedPeer(peer: string, addresses: readonly string[]): boolean {
  let list = lists.get(addresses);
  if (!list) {
    list = new BlockList();
    for (const entry of addresses) {
      const [address = "", prefix] = entry.split("/");
      const family = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(prefix), family);
    }
    lists.set(addresses, list);
  }
  const family = isIP(peer);
  return family !== 0 && list.check(peer, family === 6 ? "ipv6" : "ipv4");
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
