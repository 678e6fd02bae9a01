import { describe, expect, it, vi } from "vitest";
import { processSingleton, resetProcessSingleton } from "./singleton";

describe("processSingleton", () => {
  it("makes the value once and shares it, even across separately loaded copies of the module", async () => {
    let made = 0;
    const a = processSingleton("test.once", () => ({ n: ++made }));
    // A second copy of the module, as another route bundle would have.
    vi.resetModules();
    const copy = await import("./singleton");
    const b = copy.processSingleton("test.once", () => ({ n: ++made }));
    expect(b).toBe(a);
    expect(made).toBe(1);
    resetProcessSingleton("test.once");
    expect(processSingleton("test.once", () => ({ n: ++made })).n).toBe(2);
  });
});
