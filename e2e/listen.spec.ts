import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { hasNginx, startProxy } from "./lib/nginx";
import { narratingServer } from "./lib/narrating";
import { isoFromNow, newStory, removeStory } from "./lib/publish";
import type { ExtraServer } from "./lib/server";

/**
 * Listen (issue 24): a public story's page, once its narration is made, offers the browser's own
 * player (no JavaScript needed, no audio loaded before play); the audio is MP3 speech of the story's
 * length, answers Range requests, and is 404 before the story is public and once it is removed.
 */
test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "the narration is the server's; one browser is enough");

const narrating = narratingServer(3196);
const { publish, decode } = narrating;
let server: ExtraServer;
test.beforeAll(() => {
  server = narrating.server();
});

const BODY = [
  "WASHINGTON: Ministers met on Monday to agree how much money poorer nations should receive.",
  "",
  "The first day ended without a deal, and talks resume on Tuesday morning.",
].join("\n");

/** A minute of speech or so: long enough that a place kept mid-way is not "near the end". */
const LONG = Array.from({ length: 5 }, () => BODY).join("\n\n");

/** The page's player source, once the narration is made and the page refreshed to show it. */
async function narrationUrl(path: string): Promise<string> {
  let url = "";
  await expect
    .poll(
      async () => {
        // A kept-alive connection the server has just closed fails a fetch now and then: ask again.
        const html = await fetch(`${server.url}${path}`)
          .then((r) => r.text())
          .catch(() => "");
        url = /<audio[^>]*src="([^"]+)"/.exec(html)?.[1] ?? "";
        return url;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toMatch(/\/listen\/[0-9a-f]{32}\.mp3$/);
  return url;
}

/**
 * A tap on the browser's own play button, as a reader plays: it is inside the player's shadow DOM,
 * so it is found by where it is (the left end of the control bar, the player scrolled into view).
 */
async function pressPlay(page: Page) {
  const player = page.locator("audio");
  await player.scrollIntoViewIfNeeded();
  const bar = await player.boundingBox();
  if (!bar) throw new Error("the player has no box");
  await page.mouse.click(bar.x + Math.min(24, bar.height / 2), bar.y + bar.height / 2);
}

test("a published story gets a player, and its audio is speech of the story's length", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const story = newStory({ body: LONG });
  publish(story);
  const path = `/world/${story.slug}`;
  const url = await narrationUrl(path);
  expect(url.startsWith(`${path}/listen/`)).toBe(true);

  const whole = await fetch(`${server.url}${url}`);
  expect(whole.status).toBe(200);
  expect(whole.headers.get("content-type")).toBe("audio/mpeg");
  expect(whole.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(whole.headers.get("accept-ranges")).toBe("bytes");
  await whole.body?.cancel();

  // Decoded: speech as long as the words (headline, standfirst, body) at a speaking pace, not silence.
  const { seconds, samples, mp3 } = await decode(url);
  const words = `${story.title} A story published by the e2e suite while the server runs. ${LONG}`.split(
    /\s+/,
  ).length;
  expect(seconds).toBeGreaterThan(words * 0.2);
  expect(seconds).toBeLessThan(words * 0.6);
  let energy = 0;
  for (const s of samples) energy += s * s;
  expect(Math.sqrt(energy / samples.length)).toBeGreaterThan(0.01);

  // A byte range, for seeking.
  const part = await fetch(`${server.url}${url}`, { headers: { Range: "bytes=100-199" } });
  expect(part.status).toBe(206);
  expect(part.headers.get("content-range")).toBe(`bytes 100-199/${mp3.length}`);
  expect(new Uint8Array(await part.arrayBuffer())).toEqual(mp3.slice(100, 200));
  const past = await fetch(`${server.url}${url}`, { headers: { Range: `bytes=${mp3.length}-` } });
  expect(past.status).toBe(416);

  // Without JavaScript: the browser's own player, named, with its length, and nothing loaded yet.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const audioRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/listen/")) audioRequests.push(r.url());
  });
  await page.goto(`${server.url}${path}`);
  const player = page.locator("audio");
  await expect(player).toHaveAttribute("preload", "none");
  await expect(player).toHaveAttribute("controls", "");
  await expect(page.getByRole("heading", { name: /^Listen to this story \(\d+ (s|min)\)$/ })).toBeVisible();
  await expect(page.getByText("Read by a computer-generated voice.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(audioRequests).toEqual([]);
  const heightWithoutScripts =
    (await page.locator("section[aria-labelledby=listen-heading]").boundingBox())?.height ?? 0;
  await context.close();

  // With JavaScript: press play and the time moves; the row of extras fills the room kept for it
  // (the box is as tall as without scripts); skip, speed, time left, lock-screen metadata, and the
  // place kept for a reader who comes back.
  const listening = await browser.newContext();
  const reader = await listening.newPage();
  await reader.goto(`${server.url}${path}`);
  const box = reader.locator("section[aria-labelledby=listen-heading]");
  const forward = reader.getByRole("button", { name: "Forward 15 seconds" });
  // Once the page's scripts have run (this server is narrating the archive meanwhile, on two cores).
  await expect(forward).toBeVisible({ timeout: 20_000 });
  expect(Math.abs(((await box.boundingBox())?.height ?? 0) - heightWithoutScripts)).toBeLessThanOrEqual(1);
  await expectNoAxeViolations(reader);
  const audioEl = reader.locator("audio");
  const time = () => audioEl.evaluate((a: HTMLAudioElement) => a.currentTime);
  await pressPlay(reader);
  await expect.poll(time, { timeout: 15_000 }).toBeGreaterThan(0.5);
  await forward.focus();
  await reader.keyboard.press("Enter");
  await expect.poll(time).toBeGreaterThan(15);
  await reader.getByLabel("Speed").selectOption("1.5");
  expect(await audioEl.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
  await expect(reader.getByText(/^\d+:\d\d left$/)).toBeVisible();
  expect(await reader.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(story.title);
  // Paused from the keyboard: the player focused, then Space (the browser's own key for it).
  await audioEl.focus();
  await reader.keyboard.press("Space");
  await expect.poll(() => audioEl.evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  const kept = await time();
  await reader.reload();
  await expect(reader.getByRole("button", { name: "Forward 15 seconds" })).toBeVisible({ timeout: 20_000 });
  await pressPlay(reader);
  await expect.poll(time, { timeout: 15_000 }).toBeGreaterThanOrEqual(Math.floor(kept) - 1);
  await listening.close();
});

test("no narration before a story is public, and none once it is removed", async () => {
  test.setTimeout(90_000);
  const later = newStory({ body: BODY, published: isoFromNow(60 * 60 * 1000) });
  publish(later);
  const story = newStory({ body: BODY });
  publish(story);
  const url = await narrationUrl(`/world/${story.slug}`);
  const hash = /([0-9a-f]{32})\.mp3$/.exec(url)?.[1] ?? "";
  // A scheduled story: its page is a 404, and so is any narration address under it.
  expect((await fetch(`${server.url}/world/${later.slug}`)).status).toBe(404);
  expect((await fetch(`${server.url}/world/${later.slug}/listen/${hash}.mp3`)).status).toBe(404);
  // Another story's address, or words the story no longer has: 404.
  expect((await fetch(`${server.url}/world/${story.slug}/listen/${"0".repeat(32)}.mp3`)).status).toBe(404);
  expect((await fetch(`${server.url}${url}`)).status).toBe(200);
  removeStory(story.slug);
  await expect.poll(async () => (await fetch(`${server.url}${url}`)).status, { timeout: 15_000 }).toBe(404);
});

test("through the shipped nginx: whole, ranges served from its cache, and gone when the story is", async () => {
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  test.setTimeout(90_000);
  const proxy = await startProxy(8096, [3196]);
  try {
    const story = newStory({ body: BODY });
    publish(story);
    const url = await narrationUrl(`/world/${story.slug}`);
    const whole = await fetch(`http://127.0.0.1:8096${url}`);
    expect(whole.status).toBe(200);
    const mp3 = new Uint8Array(await whole.arrayBuffer());
    expect(Number(whole.headers.get("content-length"))).toBe(mp3.length);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    // nginx asks Node for the whole file, keeps it, and answers the range itself.
    const part = await fetch(`http://127.0.0.1:8096${url}`, { headers: { Range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${mp3.length}`);
    expect(part.headers.get("x-cache")).toBe("HIT");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(mp3.slice(1000, 2000));
    // Removed: nginx keeps a copy no longer than a page (10 s), then it is a 404 there too.
    removeStory(story.slug);
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:8096${url}`)).status, {
        timeout: 30_000,
        intervals: [1_000],
      })
      .toBe(404);
  } finally {
    await proxy.stop();
  }
});
