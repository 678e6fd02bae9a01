import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// The pinned Next.js's own file helpers, as its server hands them to a cache handler.
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import PageCache from "./page-cache.cjs";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "page-cache-"));
});
afterEach(() => {
  delete process.env.PAGE_CACHE_MAX_MB;
  rmSync(dir, { recursive: true, force: true });
});

function cache() {
  return new PageCache({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [] });
}

function page(status: number, size = 1000) {
  return {
    kind: "APP_PAGE",
    html: "x".repeat(size),
    rscData: Buffer.from("rsc"),
    headers: { "x-next-cache-tags": "_N_T_/layout" },
    postponed: undefined,
    status,
    segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  };
}

const ctx = { cacheControl: { revalidate: false, expire: undefined }, isRoutePPREnabled: false };
const key = (name: string) => `/route-cache/APP_PAGE/abc/$/world/${name}`;

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
    statSync(path.join(root, f)).isFile(),
  );
}

describe("the page cache", () => {
  it("writes a page that rendered, and reads it back", async () => {
    await cache().set(key("story"), page(200), ctx);
    expect(filesUnder(dir).some((f) => f.endsWith("story.html"))).toBe(true);
    const read = await cache().get(key("story"), { kind: "APP_PAGE" });
    expect(read?.value).toMatchObject({ kind: "APP_PAGE", status: 200 });
  });

  it("never writes a 404 to disk", async () => {
    for (let i = 0; i < 50; i += 1) await cache().set(key(`unknown-${i}`), page(404), ctx);
    expect(filesUnder(dir)).toEqual([]);
  });

  it("removes a page from disk when its URL answers 404 (a story taken down)", async () => {
    await cache().set(key("taken-down"), page(200), ctx);
    expect(filesUnder(dir).length).toBeGreaterThan(0);
    await cache().set(key("taken-down"), page(404), ctx);
    expect(filesUnder(dir)).toEqual([]);
  });

  it("keeps what it wrote under PAGE_CACHE_MAX_MB, removing the pages written longest ago", async () => {
    process.env.PAGE_CACHE_MAX_MB = "1";
    const size = 300 * 1024;
    for (const name of ["a", "b", "c", "d", "e"]) await cache().set(key(name), page(200, size), ctx);
    const html = filesUnder(dir).filter((f) => f.endsWith(".html"));
    expect(html.map((f) => path.basename(f)).sort()).toEqual(["c.html", "d.html", "e.html"]);
    const total = filesUnder(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(1024 * 1024);
  });

  it("refuses a PAGE_CACHE_MAX_MB that is not a size", () => {
    expect(() => PageCache.maxBytesFrom("lots")).toThrow(/PAGE_CACHE_MAX_MB/);
    expect(() => PageCache.maxBytesFrom("0")).toThrow(/PAGE_CACHE_MAX_MB/);
    expect(PageCache.maxBytesFrom(undefined)).toBe(1024 * 1024 * 1024);
  });
});
