import { expect, type Page } from "@playwright/test";

/** Fixture and seed stories that have FAST cards, newest first (see e2e/fixtures/content). */
export const FAST_ORDER = [
  "fixture-port-reopens-after-storm",
  "fixture-markets-rally-on-rate-hopes",
  "fixture-underdogs-win-cup-final-after-extraordinary-comeback-in-extra-time-and-penalties-at-packed-national-stadium",
  "fixture-leaders-meet-for-climate-summit",
  "us-pressing-mexico-to-allow-us-forces-to-fight-cartels",
  "fixture-hostile-characters-in-headline",
  "fixture-rail-line-opens",
  "fixture-chipmaker-expands",
];

export function card(page: Page, slug: string) {
  return page.locator(`[data-fast-card][data-slug="${slug}"]`);
}

/** The card is the one on screen: its top is at the top of the viewport. */
export async function expectCardInView(page: Page, slug: string) {
  await expect
    .poll(async () => Math.abs((await card(page, slug).boundingBox())?.y ?? 9999), { timeout: 5000 })
    .toBeLessThan(4);
}

/** A real touch swipe upwards: touch events through Chromium's input pipeline, as a finger sends them. */
export async function swipeUp(page: Page) {
  const client = await page.context().newCDPSession(page);
  const { width, height } = page.viewportSize() ?? { width: 400, height: 800 };
  const x = Math.round(width / 2);
  const from = Math.round(height * 0.8);
  const to = Math.round(height * 0.25);
  await client.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: from }] });
  for (let y = from; y > to; y -= 40) {
    await client.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
  }
  await client.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await client.detach();
}
