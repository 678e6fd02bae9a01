import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/health/route";
import { GET as live } from "@/app/health/live/route";
import { config, proxy } from "@/proxy";
import { createServer } from "node:http";
import { enterPhase, installStartingAnswer } from "@/lib/server/readiness";

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
  it("answers 503 before the server's own handler while loading, passes build assets and health checks on, and steps aside after", async () => {
    const server = createServer((_, res) => res.end("from the app"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const get = async (path: string) => {
      const r = await fetch(`http://127.0.0.1:${port}${path}`);
      return `${r.status} ${r.headers.get("retry-after") ?? "-"} ${(await r.text()).includes("is starting") ? "starting" : "app"}`;
    };
    try {
      installStartingAnswer();
      enterPhase("loading");
      expect(await get("/")).toBe("503 5 starting");
      expect(await get("/world/a-story?x=1")).toBe("503 5 starting");
      expect(await get("/health")).toBe("200 - app");
      expect(await get("/health/live")).toBe("200 - app");
      expect(await get("/_next/static/chunks/a.js")).toBe("200 - app");
      expect(await get("/healthz")).toBe("503 5 starting");
      expect(await get("/health?verbose=1")).toBe("200 - app");
      // Read as Next.js reads it: this is the image optimizer, not a build asset.
      expect(await get("/_next/static/../_next/image?url=/media/x.jpg&w=64&q=75")).toBe("503 5 starting");
      enterPhase("indexing");
      expect(await get("/")).toBe("200 - app");
      // Its own listener back, not a wrapper that checks every request.
      expect(server.listeners("request")).toHaveLength(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
