import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { clearLiveContent, newStory, publishStory } from "./lib/publish";

/**
 * The page cache on disk (issue "Hardening, round 3", item 2): a URL that names nothing answers 404
 * and leaves nothing behind, however many a crawler asks for; a real story still renders once and is
 * then served from the cache.
 */

const SERVER_DIR = path.resolve(".next-e2e/server");

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size;
  }
  return total;
}

test.skip(({ isMobile }) => isMobile, "server-side only: one project is enough");

test.afterAll(async ({ request }) => clearLiveContent(request));

test("1,000 unknown URLs answer 404 and leave the cache on disk as it was", async ({ request }) => {
  test.setTimeout(180_000);
  const patterns = [
    (n: string) => `/world/no-such-story-${n}`,
    (n: string) => `/zz${n}/x`,
    (n: string) => `/fast/no-such-card-${n}`,
    (n: string) => `/topic/no-such-topic-${n}`,
    (n: string) => `/og/article/no-such-${n}`,
    (n: string) => `/media/${n}/a.jpg`,
    (n: string) => `/world/no-such-story-${n}/summary`,
    (n: string) => `/og/fast/no-such-${n}`,
  ];
  // Warm what a first request writes anyway (seed pages copied into the cache on their first read).
  await request.get("/world/no-such-story-warm-up");
  const before = bytesUnder(SERVER_DIR);
  const random = Math.random().toString(36).slice(2, 8);
  for (let i = 0; i < 1000; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, j) => {
        const url = patterns[(i + j) % patterns.length]?.(`${random}${i + j}`) ?? "/";
        const res = await request.get(url, { maxRedirects: 0 });
        expect(res.status(), url).toBe(404);
      }),
    );
  }
  const after = bytesUnder(SERVER_DIR);
  console.log(`page cache: 1,000 unknown URLs moved ${SERVER_DIR} by ${after - before} bytes`);
  expect(Math.abs(after - before), `bytes before ${before}, after ${after}`).toBeLessThan(8 * 1024);
});

test("a story published after the build renders on its first request and is cached for the next", async ({
  request,
}) => {
  const s = newStory();
  publishStory(s);
  const url = `/world/${s.slug}`;
  await expect.poll(async () => (await request.get(url)).status(), { timeout: 10_000 }).toBe(200);
  const second = await request.get(url);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(await second.text()).toContain(s.title);
});

test("1,000 older-page numbers a story does not have send the reader to it and leave the cache on disk as it was", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const story = "/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels";
  await request.get(`${story}/page/2`, { maxRedirects: 0 });
  const before = bytesUnder(SERVER_DIR);
  const random = Math.random().toString(36).slice(2, 8);
  for (let i = 0; i < 1000; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, j) => {
        // Numbers the story (not live) has no page for, and junk in the number's place.
        const n = (i + j) % 2 ? String(1000 + i + j) : `${random}${i + j}`;
        const res = await request.get(`${story}/page/${n}`, { maxRedirects: 0 });
        expect(res.status(), n).toBe(307);
        expect(res.headers()["location"], n).toBe(story);
      }),
    );
  }
  const after = bytesUnder(SERVER_DIR);
  console.log(`page cache: 1,000 missing older pages moved ${SERVER_DIR} by ${after - before} bytes`);
  expect(Math.abs(after - before), `bytes before ${before}, after ${after}`).toBeLessThan(8 * 1024);
});
