import { describe, expect, it } from "vitest";
import { cachedHealthCheck, type Health } from "./health";

describe("cachedHealthCheck", () => {
  it("writes once per interval however many requests ask, and checks again after it", async () => {
    let writes = 0;
    let now = 1_000;
    const check = cachedHealthCheck(
      async (): Promise<Health> => {
        writes += 1;
        return { ok: true };
      },
      5_000,
      () => now,
    );
    await Promise.all(Array.from({ length: 100 }, () => check()));
    expect(writes).toBe(1);
    now += 4_999;
    await check();
    expect(writes).toBe(1);
    now += 1;
    expect(await check()).toEqual({ ok: true });
    expect(writes).toBe(2);
  });
});
