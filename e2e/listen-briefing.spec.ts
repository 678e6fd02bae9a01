import { expect, test } from "@playwright/test";
import Parser from "rss-parser";
import { narratingServer, summaryWords } from "./lib/narrating";
import { hasNginx, startProxy, type Proxy } from "./lib/nginx";
import { newStory, removeStory } from "./lib/publish";
import type { ExtraServer } from "./lib/server";

/**
 * Listen, the FAST briefing and the podcast feed (issue 24): /fast offers the spoken briefing of its
 * first cards, remade a little after the deck changes and stamped with when it was made; /audio.xml
 * lists the briefings and the stories' narrations for podcast apps; both as readers get them, from
 * Node and through the shipped nginx.
 */
test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "the narration is the server's; one browser is enough");

const narrating = narratingServer(3195, { NARRATION_BRIEFING_DELAY_MS: "1000" });
const { publish, text, decode, waitForAudio } = narrating;
let server: ExtraServer;
test.beforeAll(() => {
  server = narrating.server();
});

type Feed = Awaited<ReturnType<Parser["parseString"]>>;

/** The podcast feed, once it lists this story's narration and a briefing. */
async function feedWith(base: string, storyUrl: string): Promise<Feed> {
  let feed: Feed | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${base}/audio.xml`);
        expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
        feed = await new Parser().parseString(await response.text());
        // The story, and the briefing made for the deck it tops.
        return (
          feed.items.some((i) => i.enclosure?.url.endsWith(storyUrl)) &&
          feed.items.some((i) => i.title?.startsWith("The FAST briefing, "))
        );
      },
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(true);
  if (!feed) throw new Error("no feed");
  return feed;
}

test("/fast reads its first cards as a briefing with pauses, remade when the deck changes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const first = newStory();
  const publishedAt = Date.now();
  publish(first);
  const briefingOf = (html: string) => /<audio[^>]*src="(\/fast\/listen\/[0-9a-f]{32}\.mp3)"/.exec(html)?.[1];
  // The briefing made for the deck this story tops: made after it was published (one made before
  // it, still on offer meanwhile, reads others).
  const madeAt = (html: string) =>
    Date.parse(/id="briefing"[\s\S]*?<time dateTime="([^"]+)"/.exec(html)?.[1] ?? "") || 0;
  let url = "";
  await expect
    .poll(
      async () => {
        const html = await text("/fast");
        url = briefingOf(html) ?? "";
        const firstCard = /data-slug="([^"]+)"/.exec(
          html.slice(html.indexOf('aria-label="Story cards"')),
        )?.[1];
        return url && firstCard === first.slug && madeAt(html) >= publishedAt - 1000 ? "made" : "";
      },
      { timeout: 150_000, intervals: [1_000] },
    )
    .toBe("made");
  const audio = await decode(url);
  // At least the first card's words, and the pauses between stories: quiet stretches of a second.
  expect(audio.seconds).toBeGreaterThan(summaryWords(first.title) * 0.2);
  const window = audio.rate / 10;
  let quietRun = 0;
  let pauses = 0;
  for (let i = 0; i + window <= audio.samples.length; i += window) {
    let sum = 0;
    for (let j = i; j < i + window; j++) sum += (audio.samples[j] ?? 0) ** 2;
    const quiet = Math.sqrt(sum / window) < 0.003;
    quietRun = quiet ? quietRun + 1 : 0;
    if (quietRun === 10) pauses++; // a second of silence: Flite's own pauses between sentences are shorter
  }
  expect(pauses).toBeGreaterThanOrEqual(1);

  // Without JavaScript: the player, named with its length, stamped with when it was made, and the
  // first card links up to it; the podcast feed is linked.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/fast`);
  await expect(
    page.getByRole("heading", { name: /^Listen to the briefing \(\d+ (s|min)\)$/ }),
  ).toBeAttached();
  await expect(page.locator("#briefing time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(page.locator("#briefing audio")).toHaveAttribute("preload", "none");
  await page.getByRole("link", { name: /^Listen to the briefing/ }).click();
  await expect(page).toHaveURL(/#briefing$/);
  await expect(page.locator("#briefing audio")).toBeInViewport();
  await expect(page.locator("#briefing").getByRole("link", { name: "Podcast feed" })).toHaveAttribute(
    "href",
    "/audio.xml",
  );
  await context.close();

  // A new story tops the deck: a new briefing, reading it first.
  const second = newStory();
  publish(second);
  let next = "";
  await expect
    .poll(
      async () => {
        next = briefingOf(await text("/fast")) ?? "";
        return next && next !== url ? "remade" : "";
      },
      { timeout: 150_000, intervals: [1_000] },
    )
    .toBe("remade");
  expect((await fetch(`${server.url}${next}`)).status).toBe(200);
  // The earlier one still plays for a reader mid-way (its stories are public and read as they did)...
  expect((await fetch(`${server.url}${url}`, { headers: { Range: "bytes=1000-1999" } })).status).toBe(206);
  // ... until a story it reads is unpublished: then neither is served.
  removeStory(first.slug);
  for (const gone of [url, next])
    await expect
      .poll(async () => (await fetch(`${server.url}${gone}`)).status, { timeout: 15_000 })
      .toBe(404);
});

test("/audio.xml is a podcast feed a podcast app reads, linked from every page's footer", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const story = newStory();
  publish(story);
  const storyUrl = await waitForAudio(
    `/world/${story.slug}`,
    (html) => /<audio[^>]*src="([^"]+)"/.exec(html)?.[1],
  );
  const feed = await feedWith(server.url, storyUrl);
  expect(feed?.itunes?.image).toMatch(/\/podcast\.png$/);
  expect(feed?.itunes?.categories).toEqual(["News"]);
  const item = feed?.items.find((i) => i.enclosure?.url.endsWith(storyUrl));
  expect(item?.title).toBe(story.title);
  expect(item?.guid).toMatch(/^[0-9a-f]{32}$/);
  expect(item?.enclosure?.type).toBe("audio/mpeg");
  expect(item).toMatchObject({ itunes: { duration: expect.stringMatching(/^\d+:\d\d$/) } });
  // The enclosure's length is the file's, as a podcast app checks it.
  const head = await fetch(new URL(storyUrl, server.url), { method: "HEAD" });
  expect(head.headers.get("content-length")).toBe(item?.enclosure?.length);
  expect(
    feed?.items.some(
      (i) => i.title?.startsWith("The FAST briefing, ") && i.enclosure?.url.includes("/fast/listen/"),
    ),
  ).toBe(true);
  // The cover podcast apps require: square, at least 1400 px.
  const cover = await fetch(`${server.url}/podcast.png`);
  expect(cover.headers.get("content-type")).toBe("image/png");
  const png = Buffer.from(await cover.arrayBuffer());
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 1400]);

  await page.goto(`${server.url}/world/${story.slug}`);
  await expect(
    page.getByRole("contentinfo").getByRole("link", { name: "Podcast feed (audio)" }),
  ).toHaveAttribute("href", "/audio.xml");
});

/** The proxy a test started: stopped after it, even when the test timed out. */
const proxies: { current?: Proxy } = {};
test.afterEach(async () => {
  await proxies.current?.stop();
  proxies.current = undefined;
});

test("through the shipped nginx: the podcast feed, and the briefing whole and by range from its cache", async () => {
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  test.setTimeout(300_000);
  const proxy = (proxies.current = await startProxy(8095, [3195]));
  const story = newStory();
  publish(story);
  const storyUrl = await waitForAudio(
    `/world/${story.slug}`,
    (html) => /<audio[^>]*src="([^"]+)"/.exec(html)?.[1],
  );
  const feed = await feedWith(proxy.url, storyUrl);
  const briefing = feed.items.find((i) => i.title?.startsWith("The FAST briefing, "))?.enclosure;
  const path = new URL(briefing?.url ?? "/none").pathname;
  expect(path).toMatch(/^\/fast\/listen\/[0-9a-f]{32}\.mp3$/);
  const whole = await fetch(`${proxy.url}${path}`);
  expect(whole.status).toBe(200);
  expect(whole.headers.get("content-type")).toBe("audio/mpeg");
  const mp3 = new Uint8Array(await whole.arrayBuffer());
  // The length the feed promises podcast apps is the one nginx sends.
  expect(String(mp3.length)).toBe(briefing?.length);
  expect(Number(whole.headers.get("content-length"))).toBe(mp3.length);
  // nginx keeps the whole file and answers a range (a podcast app seeking) from its cache.
  const part = await fetch(`${proxy.url}${path}`, { headers: { Range: "bytes=1000-1999" } });
  expect(part.status).toBe(206);
  expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${mp3.length}`);
  expect(part.headers.get("x-cache")).toBe("HIT");
  expect(new Uint8Array(await part.arrayBuffer())).toEqual(mp3.slice(1000, 2000));
});
