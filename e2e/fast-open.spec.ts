import { expect, test, type Page } from "@playwright/test";
import { FAST_ORDER, card, swipeUp } from "./lib/fast";

/**
 * The card a reader opens is whole on screen: headline, every point and the controls, whether the
 * deck is opened at its top (/fast) or at a card (/fast/{slug}), on a phone and on a desktop, with
 * JavaScript on or off, and again after moving to the next card (issue "Hardening, round 3",
 * item 11, and "The reader's path", item 2).
 */
const SEED_SLUG = "us-pressing-mexico-to-allow-us-forces-to-fight-cartels";
const [FIRST = "", SECOND = ""] = FAST_ORDER;
const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 664 },
  { width: 412, height: 839 },
];
const DESKTOPS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** The opened card's own box, its headline, its points and its visible controls, in the viewport. */
async function expectWholeCard(page: Page, slug: string, size: { width: number; height: number }) {
  // Once any scroll has come to rest, the card's own box lies within the screen.
  await expect
    .poll(
      async () => {
        const box = await card(page, slug).locator("article").boundingBox();
        return box ? box.y >= -1 && box.y + box.height <= size.height + 1 : false;
      },
      { timeout: 5000 },
    )
    .toBe(true);
  const m = await card(page, slug).evaluate((li) => {
    const box = (el: Element | null) => el?.getBoundingClientRect();
    const list = li.querySelector("ul[aria-label='Summary points']");
    return {
      article: box(li.querySelector("article")),
      heading: box(li.querySelector("h2")),
      points: [...(list?.querySelectorAll("li") ?? [])].map((p) => p.getBoundingClientRect().bottom),
      listClipped: list ? list.scrollHeight - list.clientHeight : 0,
      controls: [...li.querySelectorAll("a, summary")]
        .filter((a) => a.checkVisibility())
        .map((a) => ({
          name: a.textContent?.trim() ?? "",
          top: a.getBoundingClientRect().top,
          bottom: a.getBoundingClientRect().bottom,
        })),
    };
  });
  const where = `${slug} at ${size.width}×${size.height}`;
  expect(m.article?.top ?? -1, where).toBeGreaterThanOrEqual(-1);
  expect(m.article?.bottom ?? Infinity, where).toBeLessThanOrEqual(size.height + 1);
  expect(m.heading?.top ?? -1, where).toBeGreaterThanOrEqual(0);
  for (const bottom of m.points) expect(bottom, `a point of ${where}`).toBeLessThanOrEqual(size.height);
  expect(m.listClipped, `points cut on ${where}`).toBeLessThanOrEqual(1);
  expect(m.controls.map((c) => c.name)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Read full story/)]),
  );
  for (const c of m.controls) {
    expect(c.top, `${c.name} on ${where}`).toBeGreaterThanOrEqual(0);
    expect(c.bottom, `${c.name} on ${where}`).toBeLessThanOrEqual(size.height);
  }
}

test.describe("on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the phone layout");
  for (const size of PHONES) {
    test(`/fast, a deep link and the next card are whole at ${size.width}×${size.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.goto("/fast");
      await expectWholeCard(page, FIRST, size);
      await page.waitForLoadState("networkidle");
      await swipeUp(page);
      await expectWholeCard(page, SECOND, size);
      await page.goto(`/fast/${FIRST}`);
      await expectWholeCard(page, FIRST, size);
      await page.goto(`/fast/${SEED_SLUG}`);
      await expectWholeCard(page, SEED_SLUG, size);
      // The site stays within reach: one swipe back up from the first card shows the header.
      await page.goto("/fast");
      await expectWholeCard(page, FIRST, size);
      await page.mouse.wheel(0, -size.height);
      await expect(page.getByRole("link", { name: /Dispatch/ }).first()).toBeInViewport();
      await expect(page.getByRole("search")).toBeAttached();
    });
  }
  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("/fast and a deep link open on a whole card at 360×640", async ({ page }) => {
      const size = { width: 360, height: 640 };
      await page.setViewportSize(size);
      await page.goto("/fast");
      await expectWholeCard(page, FIRST, size);
      await page.goto(`/fast/${SEED_SLUG}`);
      await expectWholeCard(page, SEED_SLUG, size);
    });
  });
});

test.describe("on a desktop", () => {
  test.skip(({ isMobile }) => isMobile, "the desktop layout");
  for (const size of DESKTOPS) {
    test(`the card, its points and its controls fit ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`/fast/${SEED_SLUG}`);
      await expectWholeCard(page, SEED_SLUG, size);
      await page.goto("/fast");
      await expectWholeCard(page, FIRST, size);
      // Page Down moves a whole card: the next one is whole too.
      await page.waitForLoadState("networkidle");
      await page.keyboard.press("PageDown");
      await expectWholeCard(page, SECOND, size);
    });
  }
  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("a deep link opens on a whole card at 1366×768", async ({ page }) => {
      const size = { width: 1366, height: 768 };
      await page.setViewportSize(size);
      await page.goto(`/fast/${SEED_SLUG}`);
      await expectWholeCard(page, SEED_SLUG, size);
    });
  });
});
