import { describe, expect, it } from "vitest";
import { PEER_HEADER, clientIp, ipBucket } from "./client-ip";

const headers = (h: Record<string, string>) => new Headers(h);

const LOOPBACK = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];
const behind = (trustedProxies: number, trustedProxyAddresses = LOOPBACK) => ({
  trustedProxies,
  trustedProxyAddresses,
});

describe("clientIp", () => {
  it("served directly, ignores a forged X-Forwarded-For and uses the socket's peer", () => {
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4", [PEER_HEADER]: "203.0.113.9" }), behind(0))).toBe(
      "203.0.113.9",
    );
  });

  it("behind one appending proxy, takes the entry the proxy added, not the client's own", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 7.7.7.7, 203.0.113.9", [PEER_HEADER]: "127.0.0.1" });
    expect(clientIp(h, behind(1))).toBe("203.0.113.9");
    expect(clientIp(h, behind(2))).toBe("7.7.7.7");
  });

  it("falls back to the peer when fewer proxies appended than are trusted", () => {
    expect(clientIp(headers({ [PEER_HEADER]: "127.0.0.1" }), behind(1))).toBe("127.0.0.1");
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy address", () => {
    for (const peer of ["198.51.100.7", "127.0.0.2", "::ffff:10.0.0.9", "2001:db8::1"]) {
      const h = headers({ "x-forwarded-for": "6.6.6.6, 7.7.7.7", [PEER_HEADER]: peer });
      expect(clientIp(h, behind(1)), peer).toBe(peer);
      expect(clientIp(h, behind(2)), peer).toBe(peer);
    }
  });

  it("trusts the configured proxy addresses and subnets, IPv4-mapped forms included", () => {
    const trust = behind(1, ["10.0.0.5", "172.16.0.0/12", "fd00::/8"]);
    for (const peer of ["10.0.0.5", "::ffff:10.0.0.5", "172.20.1.1", "fd12::7"]) {
      const h = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", [PEER_HEADER]: peer });
      expect(clientIp(h, trust), peer).toBe("203.0.113.9");
    }
    const fromLoopback = headers({ "x-forwarded-for": "203.0.113.9", [PEER_HEADER]: "127.0.0.1" });
    expect(clientIp(fromLoopback, trust)).toBe("127.0.0.1");
  });
});

describe("ipBucket", () => {
  it("groups IPv6 by /64, unmaps IPv4-mapped addresses and keeps IPv4 as is", () => {
    expect(ipBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:0DB8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("::1")).toBe("0:0:0:0::/64");
    expect(ipBucket("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(ipBucket("192.0.2.1")).toBe("192.0.2.1");
  });
});
