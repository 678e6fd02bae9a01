import { expect, test, type Locator, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { SEED, SEED_PATH } from "./lib/seed";
import { settleThenTap } from "./lib/settle";

/**
 * Issue 28, items 4–7: what a reader meets on an article page, checked by what is on screen after
 * the page has settled, at the 360×640 and on both projects.
 */

const SEED_SLUG = "us-pressing-mexico-to-allow-us-forces-to-fight-cartels";
const PHONE = { width: 360, height: 640 };
/** The seed's first summary point (content/world/us-pressing-mexico-…md). */
const SEED_SUMMARY_FIRST = /^The US is pressing Mexico to allow US forces to join operations/;
const NETWORKS = ["WhatsApp", "Telegram", "X", "Facebook", "LinkedIn", "Email"];

const shareGroups = (page: Page) => page.getByRole("group", { name: "Share this story" });
const topShare = (page: Page) => shareGroups(page).first();
const endShare = (page: Page) => shareGroups(page).last();
const keyPoints = (page: Page) =>
  page.locator("details", { has: page.locator("summary", { hasText: "Key points" }) });
const more = (bar: Locator) => bar.locator("summary", { hasText: "More" });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not rendered");
  return b;
}

test.describe("an article's first phone screen", () => {
  test.use({ viewport: PHONE });

  test("the photo starts on the first screen and the story within 1.3 screens", async ({ page }) => {
    await page.goto(SEED_PATH);
    await page.waitForLoadState("networkidle");
    expect((await box(page.locator("article figure img"))).y).toBeLessThan(PHONE.height);
    const first = page.locator(".article-body p").first();
    await expect(first).toHaveText(SEED.paragraphs[0] ?? "");
    expect((await box(first)).y).toBeLessThanOrEqual(PHONE.height * 1.3);
  });

  test("the share bar under the headline is one row: WhatsApp and More, the rest behind More", async ({
    page,
  }) => {
    await page.goto(SEED_PATH);
    await page.waitForLoadState("networkidle");
    const bar = topShare(page);
    const whatsapp = bar.getByRole("link", { name: "Share on WhatsApp" });
    await expect(whatsapp).toBeVisible();
    await expect(more(bar)).toBeVisible();
    await expect(bar.getByRole("link", { name: "Share on Telegram" })).toBeHidden();
    // One row: every control's top within a few pixels of WhatsApp's, the bar one button tall.
    const top = (await box(whatsapp)).y;
    for (const control of await bar.locator("a:visible, button:visible, summary:visible").all()) {
      expect(Math.abs((await box(control)).y - top)).toBeLessThan(4);
    }
    expect((await box(bar)).height).toBeLessThan(56);

    await settleThenTap(page, more(bar), false);
    for (const name of NETWORKS.slice(1)) {
      const link = bar.getByRole("link", { name: `Share on ${name}` });
      await expect(link).toBeVisible();
      const b = await box(link);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
  });

  test("the full share bar is where the story ends", async ({ page }) => {
    await page.goto(SEED_PATH);
    await page.waitForLoadState("networkidle");
    await expect(shareGroups(page)).toHaveCount(2);
    const bar = endShare(page);
    await bar.scrollIntoViewIfNeeded();
    const source = await box(page.getByText(SEED.source, { exact: true }));
    expect((await box(bar)).y).toBeGreaterThan(source.y);
    for (const name of NETWORKS) {
      await expect(bar.getByRole("link", { name: `Share on ${name}` })).toBeVisible();
    }
  });
});

test.describe("the article with JavaScript off", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("More opens the other share links, and phones open the key points", async ({ page }) => {
    await page.goto(SEED_PATH);
    const bar = topShare(page);
    await more(bar).click();
    await expect(bar.getByRole("link", { name: "Share on Telegram" })).toBeVisible();
    const points = page.locator("details", { has: page.locator("summary", { hasText: "Key points" }) });
    await points.locator("summary").click();
    await expect(points.getByText(SEED_SUMMARY_FIRST)).toBeVisible();
  });

  test("a story opened from FAST offers the way back at its end", async ({ page }) => {
    await page.goto(`${SEED_PATH}#fast`);
    const back = page.getByRole("link", { name: /return to FAST/ });
    await expect(back).toHaveCount(2);
    await back.last().scrollIntoViewIfNeeded();
    await expect(back.last()).toBeVisible();
    const last = await box(page.locator(".article-body p").last());
    expect((await box(back.last())).y).toBeGreaterThan(last.y);
  });
});

test.describe("key points on a phone", () => {
  test("a collapsed disclosure in the box's place opens on a tap", async ({ page, isMobile }) => {
    await page.setViewportSize(PHONE);
    await page.goto(SEED_PATH);
    const disclosure = page.locator("summary", { hasText: "Key points" });
    await expect(disclosure).toBeVisible();
    const firstPoint = keyPoints(page).locator("li").first();
    await expect(firstPoint).toBeHidden();
    // Where the box stands on a desktop: after the photo, before the story.
    const hero = await box(page.locator("article figure"));
    const body = await box(page.locator(".article-body"));
    const d = await box(disclosure);
    expect(d.y).toBeGreaterThan(hero.y + hero.height);
    expect(d.y).toBeLessThan(body.y);
    await settleThenTap(page, disclosure, isMobile);
    await expect(firstPoint).toBeVisible();
    expect(await keyPoints(page).locator("li").count()).toBe(5);
  });

  test("a desktop still shows the key points open, with no disclosure control", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(SEED_PATH);
    await expect(page.getByRole("heading", { name: "Key points" })).toBeVisible();
    await expect(keyPoints(page).locator("li").first()).toBeVisible();
    await expect(page.locator("summary", { hasText: "Key points" })).toBeHidden();
  });
});

test.describe("the summary view's way on", () => {
  test("ends with Read the full story, which opens it, and a FAST link to its card", async ({
    page,
    isMobile,
  }) => {
    await page.goto(`${SEED_PATH}/summary`);
    const fast = page.getByRole("link", { name: "Continue on FAST" });
    await expect(fast).toHaveAttribute("href", `/fast/${SEED_SLUG}`);
    const read = page.getByRole("link", { name: "Read the full story" });
    await read.scrollIntoViewIfNeeded();
    await expect(read).toBeVisible();
    const source = await box(page.getByText(SEED.source, { exact: true }));
    expect((await box(read)).y).toBeGreaterThan(source.y);
    await settleThenTap(page, read, isMobile);
    await expect(page).toHaveURL(SEED_PATH);
    await expect(page.getByText(SEED.paragraphs[1] ?? "")).toBeVisible();
  });
});

test.describe("the way back to FAST", () => {
  test("is repeated at the end of the story", async ({ page }) => {
    await page.goto(`${SEED_PATH}#fast`);
    await page.waitForLoadState("networkidle");
    const back = page.locator("article").getByRole("link", { name: /return to FAST/ });
    await expect(back).toHaveCount(2);
    await back.last().scrollIntoViewIfNeeded();
    await expect(back.last()).toBeVisible();
    const last = await box(page.locator(".article-body p").last());
    expect((await box(back.last())).y).toBeGreaterThan(last.y + last.height);
  });

  test("with JavaScript, a small bar keeps it in reach while reading, covering no text at the end", async ({
    page,
  }) => {
    await page.goto(`${SEED_PATH}#fast`);
    await page.waitForLoadState("networkidle");
    const bar = page.getByRole("navigation", { name: "Back to FAST" });
    // At the top the return link is on screen, so the bar is not needed yet.
    await expect(bar).toBeHidden();
    await page.locator(".article-body p").nth(3).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    const link = bar.getByRole("link", { name: /return to FAST/ });
    await expect(link).toBeVisible();
    const viewport = page.viewportSize() ?? PHONE;
    // Wholly on screen once it has slid in.
    await expect
      .poll(async () => {
        const b = await box(bar);
        return b.y + b.height;
      })
      .toBeLessThanOrEqual(viewport.height + 1);
    const b = await box(bar);
    expect(b.height).toBeLessThanOrEqual(64);
    await expect(link).toHaveAttribute("href", `/fast/${SEED_SLUG}`);
    // The keyboard reaches it.
    await link.focus();
    await expect(link).toBeFocused();
    // At the very end nothing lies under the bar: the footer's last line is above it or it is gone.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(300);
    if (await bar.isVisible()) {
      const top = (await box(bar)).y;
      const footer = await box(page.locator("body > footer"));
      expect(footer.y + footer.height).toBeLessThanOrEqual(top + 1);
    }
  });

  test("no bar for a reader who did not come from FAST", async ({ page }) => {
    await page.goto(SEED_PATH);
    await page.waitForLoadState("networkidle");
    await page.locator(".article-body p").nth(3).scrollIntoViewIfNeeded();
    await expect(page.getByRole("navigation", { name: "Back to FAST" })).toBeHidden();
  });
});

test.describe("Copy link", () => {
  test("shows a brief visible confirmation and moves nothing", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto(SEED_PATH);
    await page.waitForLoadState("networkidle");
    const copy = page.getByRole("button", { name: "Copy link" }).first();
    await copy.scrollIntoViewIfNeeded();
    const watched = [page.locator("h1"), page.locator("article figure img"), copy];
    const before = await Promise.all(watched.map(box));
    await copy.click();
    const note = page.getByRole("status").filter({ hasText: "Link copied" });
    await expect(note).toBeVisible();
    const n = await box(note);
    // Big enough to read: a screen-reader-only message also counts as "visible", at 1×1 px.
    expect(n.width).toBeGreaterThan(40);
    expect(n.height).toBeGreaterThan(16);
    const viewport = page.viewportSize() ?? PHONE;
    expect(n.y).toBeGreaterThanOrEqual(0);
    expect(n.y + n.height).toBeLessThanOrEqual(viewport.height);
    expect(await note.getAttribute("aria-live")).not.toBe("assertive");
    const after = await Promise.all(watched.map(box));
    expect(after).toEqual(before);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${SEED_PATH}`);
    // Brief: gone after a few seconds.
    await expect(note).toBeHidden({ timeout: 8000 });
  });
});
