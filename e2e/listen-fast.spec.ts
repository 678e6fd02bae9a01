import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { narratingServer, summaryWords } from "./lib/narrating";
import { newStory, publishStory } from "./lib/publish";
import { startExtraServer, type ExtraServer } from "./lib/server";

/**
 * Listen, the short narrations and the upkeep (issue 24): a story's summary view and its FAST card
 * offer "Listen to this summary"; a narration no story uses any more is removed after the grace
 * period (seconds here, a day by default); a neural voice that cannot load stops the start. The
 * briefing and the podcast feed are listen-briefing.spec.ts's.
 */
test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "the narration is the server's; one browser is enough");

// Longer than a narration takes to show (the job, then the refresh that narrations share, 10 s).
const GRACE_MS = 30_000;
const narrating = narratingServer(3197, {
  NARRATION_BRIEFING_DELAY_MS: "1000",
  NARRATION_GRACE_MS: String(GRACE_MS),
});
const { publish, waitForAudio: waitFor, decode } = narrating;
let server: ExtraServer;
let dataDir = "";
test.beforeAll(() => {
  server = narrating.server();
  dataDir = server.env.DATA_DIR ?? "";
});

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
  const n = summaryWords(story.title);
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
