import type { Locator, Page } from "@playwright/test";

/**
 * Waits as a reader does before tapping: until the network is idle, so the App Router has prefetched
 * the links in view. On a desktop the pointer then rests on the link, which prefetches it as well.
 * Client navigations tried at once pass where a reader's later tap would fail (issue "The phone
 * reader"), so every client-navigation test goes through here.
 */
export async function settleThenTap(page: Page, link: Locator, isMobile: boolean): Promise<void> {
  await page.waitForLoadState("networkidle");
  await link.scrollIntoViewIfNeeded();
  if (isMobile) {
    await page.waitForLoadState("networkidle");
    await link.tap();
    return;
  }
  await link.hover();
  await page.waitForLoadState("networkidle");
  // networkidle has already fired once for this page; give a hover prefetch time to start and end.
  await page.waitForTimeout(600);
  await link.click();
}
