import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/health/route";
import { GET as live } from "@/app/health/live/route";
import { config, proxy } from "@/proxy";
import { createServer } from "node:http";
import diagnostics from "node:diagnostics_channel";
import { answerHeld, enterPhase, installStartingAnswer } from "@/lib/server/readiness";

afterEach(() => enterPhase("none"));

const ask = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000")));

describe("a server still reading its content folders", () => {
  it("answers every page with a quick 503 that says it is starting, never stored", async () => {
    enterPhase("loading");
    for (const path of ["/", "/world", "/world/some-story", "/search?q=x", "/feed.xml", "/api/revalidate"]) {
      const response = await ask(path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get("retry-after"), path).toBe("5");
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      expect(await response.text(), path).toMatch(/<h1>Dispatch is starting<\/h1>/);
    }
  });

  it("is not ready on /health, and alive on /health/live", async () => {
    enterPhase("loading");
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: "starting" });
    expect(answer.headers.get("retry-after")).toBe("5");
    expect((await live()).status).toBe(200);
  });

  it("goes on to the pages once the content is in (the search index may still be building)", async () => {
    enterPhase("indexing");
    const response = await ask("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    // A search then answers from part of the archive: never kept by a cache for the next reader.
    const search = await ask("/search?q=storm");
    expect(search.headers.get("x-middleware-next")).toBe("1");
    expect(search.headers.get("cache-control")).toBe("no-store");
    expect(search.headers.get("x-dispatch-search-indexing")).toBe("1");
    enterPhase("ready");
    expect((await ask("/search?q=storm")).headers.get("x-dispatch-search-indexing")).toBeNull();
  });

  it("runs for every page, and never for build assets, images or the health checks", () => {
    const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    for (const url of [
      "/",
      "/world",
      "/world/a-story",
      "/fast",
      "/search",
      "/feed.xml",
      "/api/revalidate",
      "/media/a/b.jpg",
    ]) {
      expect(runs(url), url).toBe(true);
    }
    for (const url of [
      "/_next/static/chunks/a.js",
      "/_next/image?url=x&w=1&q=1",
      "/health",
      "/health/live",
    ]) {
      expect(runs(url), url).toBe(false);
    }
  });
});

describe("the starting answer in front of Next.js (a real HTTP server)", () => {
  const serve = async () => {
    const server = createServer((_, res) => res.end("from the app"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const r = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
      return `${r.status} ${r.headers.get("retry-after") ?? "-"} ${(await r.text()).includes("is starting") ? "starting" : "app"}`;
    };
    return { server, get, close: () => new Promise((r) => server.close(r)) };
  };
  const nginx = { "X-Dispatch-Next-Upstream": "1" };

  it("holds a page until the content is in, then the server's own handler answers it", async () => {
    const { server, get, close } = await serve();
    try {
      installStartingAnswer({ holdMs: 5_000 });
      enterPhase("loading");
      const started = Date.now();
      const held = [get("/"), get("/world/a-story?x=1")];
      await new Promise((r) => setTimeout(r, 300));
      enterPhase("indexing");
      expect(await Promise.all(held)).toEqual(["200 - app", "200 - app"]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(await get("/")).toBe("200 - app");
      // Its own listener back, the very function, not a wrapper that checks every request.
      expect(server.listeners("request")).toHaveLength(1);
      expect(server.listeners("request")[0]?.toString()).toContain("from the app");
    } finally {
      await close();
    }
  });

  it("answers 503 starting when the content is not in within the hold, or at once to the shipped nginx", async () => {
    const { get, close } = await serve();
    try {
      installStartingAnswer({ holdMs: 200 });
      enterPhase("loading");
      expect(await get("/")).toBe("503 5 starting");
      const started = Date.now();
      expect(await get("/world/a-story?x=1", nginx)).toBe("503 5 starting");
      expect(Date.now() - started).toBeLessThan(150);
      // Build assets and the health checks are never held.
      expect(await get("/health", nginx)).toBe("200 - app");
      expect(await get("/health/live")).toBe("200 - app");
      expect(await get("/_next/static/chunks/a.js")).toBe("200 - app");
      expect(await get("/healthz", nginx)).toBe("503 5 starting");
      expect(await get("/health?verbose=1")).toBe("200 - app");
      // Read as Next.js reads it: this is the image optimizer, not a build asset.
      expect(await get("/_next/static/../_next/image?url=/media/x.jpg&w=64&q=75", nginx)).toBe(
        "503 5 starting",
      );
      enterPhase("indexing");
      expect(await get("/", nginx)).toBe("200 - app");
    } finally {
      await close();
    }
  });

  it("holds at most so many, answers the held 'starting' if the content cannot be read, and leaves the channel when done", async () => {
    const { get, close } = await serve();
    try {
      installStartingAnswer({ holdMs: 5_000, maxHeld: 2 });
      enterPhase("loading");
      const held = [get("/a"), get("/b")];
      await new Promise((r) => setTimeout(r, 200));
      // The third is past the limit: answered at once.
      expect(await get("/c")).toBe("503 5 starting");
      answerHeld();
      expect(await Promise.all(held)).toEqual(["503 5 starting", "503 5 starting"]);
      enterPhase("indexing");
      expect(diagnostics.hasSubscribers("http.server.request.start")).toBe(false);
    } finally {
      await close();
    }
  });

  it("leaves the channel when loading ends though no request came", () => {
    installStartingAnswer();
    enterPhase("loading");
    expect(diagnostics.hasSubscribers("http.server.request.start")).toBe(true);
    enterPhase("ready");
    expect(diagnostics.hasSubscribers("http.server.request.start")).toBe(false);
  });
});
