import { describe, expect, it } from "vitest";
import { nextRuntime, readEnv } from "./env";

describe("readEnv", () => {
  it("has a default for everything, so a fresh clone runs with no configuration", () => {
    const env = readEnv({});
    expect(env.prerenderRecent).toBe(500);
    expect(env.siteUrl).toBe("http://localhost:3000");
    expect(env.revalidateSecret).toBeUndefined();
  });

  it("refuses a PRERENDER_RECENT that is not a whole number instead of prerendering nothing", () => {
    expect(() => readEnv({ PRERENDER_RECENT: "abc" })).toThrow(
      /PRERENDER_RECENT: PRERENDER_RECENT must be a whole number, e.g\. 500/,
    );
    expect(() => readEnv({ PRERENDER_RECENT: "-3" })).toThrow(/PRERENDER_RECENT must be 0 or more/);
    expect(readEnv({ PRERENDER_RECENT: "20" }).prerenderRecent).toBe(20);
  });

  it("refuses short secrets", () => {
    expect(() => readEnv({ PREVIEW_SECRET: "short" })).toThrow(
      /PREVIEW_SECRET must be at least 16 characters/,
    );
  });

  it("trusts X-Forwarded-For from loopback only, unless told which proxy addresses to trust", () => {
    expect(readEnv({}).trustedProxyAddresses).toEqual(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
    expect(
      readEnv({ TRUSTED_PROXY_ADDRESSES: " 10.0.0.5, 172.16.0.0/12 ,fd00::/8" }).trustedProxyAddresses,
    ).toEqual(["10.0.0.5", "172.16.0.0/12", "fd00::/8"]);
    for (const bad of ["", "nginx", "10.0.0.0/33", "fd00::/129", "10.0.0.5/", "1.2.3"]) {
      expect(() => readEnv({ TRUSTED_PROXY_ADDRESSES: bad }), bad).toThrow(
        /TRUSTED_PROXY_ADDRESSES: TRUSTED_PROXY_ADDRESSES must list IP addresses or subnets/,
      );
    }
  });
});

describe("nextRuntime.ownOrigin", () => {
  const saved = { origin: process.env.__NEXT_PRIVATE_ORIGIN, port: process.env.PORT };
  const restore = () => {
    for (const [name, value] of [
      ["__NEXT_PRIVATE_ORIGIN", saved.origin],
      ["PORT", saved.port],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };

  it("is the origin next start records, on loopback, else one from PORT, else none", () => {
    try {
      process.env.__NEXT_PRIVATE_ORIGIN = "http://localhost:3100";
      expect(nextRuntime.ownOrigin).toBe("http://127.0.0.1:3100");
      process.env.__NEXT_PRIVATE_ORIGIN = "not an origin";
      process.env.PORT = "4000";
      expect(nextRuntime.ownOrigin).toBe("http://127.0.0.1:4000");
      delete process.env.__NEXT_PRIVATE_ORIGIN;
      delete process.env.PORT;
      expect(nextRuntime.ownOrigin).toBeUndefined();
    } finally {
      restore();
    }
  });
});

describe("NEXT_DIST_DIR", () => {
  it("reads an empty value as unset, as next.config.ts does", () => {
    expect(readEnv({ NEXT_DIST_DIR: "" }).distDir).toBe(readEnv({}).distDir);
    expect(readEnv({}).distDir.endsWith(".next")).toBe(true);
  });
});
