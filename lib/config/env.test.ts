import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

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
});
