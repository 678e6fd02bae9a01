import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { MPEGDecoder } from "mpg123-decoder";
import Parser from "rss-parser";
import { expectNoAxeViolations } from "./lib/axe";
import { narratingServer } from "./lib/narrating";
import { newStory, publishStory, removeStory } from "./lib/publish";
import { startExtraServer, type ExtraServer } from "./lib/server";

/**
 * Listen, the short narrations (issue 24): a story's summary view and its FAST card offer "Listen to
 * this summary"; /fast offers the spoken briefing of its first cards, remade a little after the deck
 * changes and stamped with when it was made; /audio.xml lists them for podcast apps; a narration no
 * story uses any more is removed after the grace period (seconds here, a day by default).
 */
test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "the narration is the server's; one browser is enough");

// Longer than a narration takes to show (the job, then the refresh that narrations share, 10 s).
const GRACE_MS = 30_000;
const narrating = narratingServer(3197, {
  NARRATION_BRIEFING_DELAY_MS: "1000",
  NARRATION_GRACE_MS: String(GRACE_MS),
});
const { publish } = narrating;
let server: ExtraServer;
let dataDir = "";
test.beforeAll(() => {
  server = narrating.server();
  dataDir = server.env.DATA_DIR ?? "";
});

/** The server's answer as text; a kept-alive connection it has just closed is asked again. */
const text = (p: string) =>
  fetch(`${server.url}${p}`)
    .then((r) => r.text())
    .catch(() => "");

/** Waits for `find` to find an address in the page at `p` (a narration is made, the page refreshed). */
async function waitFor(p: string, find: (html: string) => string | undefined, timeout = 90_000) {
  let found = "";
  await expect
    .poll(async () => (found = find(await text(p)) ?? ""), { timeout, intervals: [500] })
    .toMatch(/\/listen\/[0-9a-f]{32}\.mp3$/);
  return found;
}

/** Decoded MP3: its length in seconds and its samples. */
async function decode(url: string) {
  const response = await fetch(`${server.url}${url}`);
  expect(response.status).toBe(200);
  const mp3 = new Uint8Array(await response.arrayBuffer());
  expect(Number(response.headers.get("content-length"))).toBe(mp3.length);
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const audio = decoder.decode(mp3);
  decoder.free();
  const samples = audio.channelData[0] ?? new Float32Array();
  return {
    seconds: audio.samplesDecoded / audio.sampleRate,
    samples,
    rate: audio.sampleRate,
    bytes: mp3.length,
  };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const SUMMARY_WORDS = (title: string) =>
  words(`${title} The first point of this story. The second point. The third point.`);

async function summaryPlayer(page: Page, slug: string) {
  return page.locator(`[data-slug="${slug}"] details`).filter({ has: page.locator("audio") });
}

test("a summary view and its FAST card read the summary: the headline and its points", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const story = newStory({ body: "The whole story, much longer than its points, is read on its own page." });
  publish(story);
  const summaryPath = `/world/${story.slug}/summary`;
  const url = await waitFor(summaryPath, (html) => /<audio[^>]*src="([^"]+)"/.exec(html)?.[1]);
  expect(url.startsWith(`/world/${story.slug}/listen/`)).toBe(true);
  const audio = await decode(url);
  const n = SUMMARY_WORDS(story.title);
  expect(audio.seconds).toBeGreaterThan(n * 0.2);
  expect(audio.seconds).toBeLessThan(n * 0.6);

  // The FAST card offers the same narration, behind a control that works with JavaScript off.
  const cardPath = `/fast/${story.slug}`;
  await waitFor(cardPath, (html) => (html.includes(url) ? url : undefined));
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/listen/")) requests.push(r.url());
  });
  await page.goto(`${server.url}${cardPath}`);
  const card = page.locator(`[data-slug="${story.slug}"]`);
  // The round control (its name is for screen readers): a native disclosure, opened by a tap.
  await expect(card.locator("summary").getByText(/^Listen to this summary \(\d+ s\): /)).toBeAttached();
  await card.locator("summary", { hasText: "Listen to this summary" }).click();
  const player = (await summaryPlayer(page, story.slug)).locator("audio");
  await expect(player).toBeVisible();
  await expect(player).toHaveAttribute("preload", "none");
  await expect(player).toHaveAttribute("src", url);
  await expect(card.getByText("Read by a computer-generated voice.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests).toEqual([]);
  await context.close();

  // On a 360 px phone every control of the card is inside it (the card clips what overflows).
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const small = await phone.newPage();
  await small.goto(`${server.url}${cardPath}`);
  const phoneCard = small.locator(`[data-slug="${story.slug}"]`);
  const box = await phoneCard.locator(".fast-card-box").boundingBox();
  const controls = phoneCard.locator("summary, a[href], button");
  let checked = 0;
  for (const control of await controls.all()) {
    if (!(await control.isVisible())) continue;
    const b = await control.boundingBox();
    expect(
      b && box && b.x >= box.x && b.x + b.width <= box.x + box.width + 0.5,
      await control.innerText(),
    ).toBe(true);
    checked += 1;
  }
  // Read full story, next, share and listen (the newest card has no previous): not a vacuous pass.
  expect(checked).toBeGreaterThanOrEqual(4);
  await phone.close();

  // With JavaScript: the summary view's player plays, by keyboard, and the page is axe clean.
  const reading = await browser.newContext();
  const reader = await reading.newPage();
  await reader.goto(`${server.url}${summaryPath}`);
  await expect(reader.getByRole("heading", { name: /^Listen to this summary \(\d+ s\)$/ })).toBeVisible();
  await expect(reader.getByRole("button", { name: "Forward 15 seconds" })).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(reader);
  await reading.close();
});

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
  expect(audio.seconds).toBeGreaterThan(SUMMARY_WORDS(first.title) * 0.2);
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
  const storyUrl = await waitFor(
    `/world/${story.slug}`,
    (html) => /<audio[^>]*src="([^"]+)"/.exec(html)?.[1],
  );
  let feed: Awaited<ReturnType<Parser["parseString"]>> | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${server.url}/audio.xml`);
        expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
        feed = await new Parser().parseString(await response.text());
        // The story, and the briefing remade for the deck it tops (the last one read a removed story).
        return (
          feed.items.some((i) => i.enclosure?.url.endsWith(storyUrl)) &&
          feed.items.some((i) => i.title?.startsWith("The FAST briefing, "))
        );
      },
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(true);
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

test("a narration no story uses any more is removed after the grace period, not before", async () => {
  test.setTimeout(150_000);
  const story = newStory({ body: "The story as it first ran." });
  publish(story);
  const url = await waitFor(`/world/${story.slug}`, (html) => /<audio[^>]*src="([^"]+)"/.exec(html)?.[1]);
  const hash = /([0-9a-f]{32})\.mp3$/.exec(url)?.[1] ?? "";
  const folder = path.join(dataDir, "narration");
  expect(readdirSync(folder)).toContain(`${hash}.mp3`);
  // A correction changes the words: a new narration, the old address 404 at once, its file kept a while.
  const changedAt = Date.now();
  publishStory({
    ...story,
    body: "The story as corrected.",
    corrections: [{ date: story.published, text: "It said otherwise." }],
  });
  const corrected = await waitFor(`/world/${story.slug}`, (html) => {
    const src = /<audio[^>]*src="([^"]+)"/.exec(html)?.[1];
    return src && src !== url ? src : undefined;
  });
  expect(corrected).not.toBe(url);
  expect((await fetch(`${server.url}${url}`)).status).toBe(404);
  // Still on disk, well inside the grace period (the watch below starts before it ends)...
  expect(Date.now() - changedAt).toBeLessThan(GRACE_MS - 3_000);
  expect(readdirSync(folder)).toContain(`${hash}.mp3`);
  // ... and removed once it has passed.
  await expect
    .poll(() => readdirSync(folder).includes(`${hash}.mp3`), { timeout: 120_000, intervals: [250] })
    .toBe(false);
  // Not before the grace period, which counts from the first sweep after the change.
  expect(Date.now() - changedAt).toBeGreaterThanOrEqual(GRACE_MS);
  expect(readdirSync(folder)).not.toContain(`${hash}.mp3.json`);
  expect(readdirSync(folder)).toContain(`${/([0-9a-f]{32})\.mp3$/.exec(corrected)?.[1]}.mp3`);
});

test("an operator's neural voice that cannot be loaded stops the start with its reason", async () => {
  // A missing folder; the unit tests (lib/narration/voice.test.ts) load a file that is not a model.
  const bad = startExtraServer(3199, { NARRATION: "on", NARRATION_MODEL: "/no/such/voice" });
  try {
    expect(await bad.exited).toBe(1);
    expect(bad.log()).toContain("Cannot start: NARRATION_MODEL=/no/such/voice: no such folder");
  } finally {
    bad.kill();
  }
});
