import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { SEED, SEED_PATH } from "./lib/seed";

const CANONICAL = `${baseURL}${SEED_PATH}`;

test.describe("the share bar", () => {
  test("network links carry the encoded canonical URL and open safely", async ({ page }) => {
    await page.goto(`${SEED_PATH}#fast`);
    // The full bar, where the story ends (the one under the headline keeps most behind "More").
    const bar = page.getByRole("group", { name: "Share this story" }).last();
    const whatsapp = bar.getByRole("link", { name: "Share on WhatsApp" });
    const href = new URL((await whatsapp.getAttribute("href")) ?? "");
    expect(href.origin + href.pathname).toBe("https://wa.me/");
    expect(href.searchParams.get("text")).toBe(`${SEED.headline} ${CANONICAL}`);
    await expect(whatsapp).toHaveAttribute("target", "_blank");
    await expect(whatsapp).toHaveAttribute("rel", "noopener noreferrer");
    for (const name of ["Telegram", "X", "Facebook", "LinkedIn", "Email"]) {
      const link = bar.getByRole("link", { name: `Share on ${name}` });
      const target = await link.getAttribute("href");
      expect(decodeURIComponent(target ?? "")).toContain(CANONICAL);
      expect(target).not.toContain("fast");
      const box = await link.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(24);
    }
  });

  test("Copy link puts the canonical URL on the clipboard and says so", async ({
    page,
    context,
    isMobile,
  }) => {
    test.skip(isMobile, "desktop behaviour");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto(`${SEED_PATH}/summary`);
    await page.getByRole("button", { name: "Copy link" }).first().click();
    await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CANONICAL);
  });

  test("on a phone, Share opens the system sheet with title, text and canonical URL", async ({
    page,
    isMobile,
  }) => {
    test.skip(!isMobile, "phone behaviour");
    await page.addInitScript(() => {
      const calls: ShareData[] = [];
      Object.assign(window, { __shares: calls });
      Object.defineProperty(navigator, "share", {
        value: (data: ShareData) => {
          calls.push(data);
          return calls.length === 1
            ? Promise.reject(new DOMException("cancelled", "AbortError"))
            : Promise.resolve();
        },
      });
    });
    await page.goto(SEED_PATH);
    const share = page.getByRole("button", { name: "Share", exact: true }).first();
    await share.click(); // the reader cancels: nothing else happens
    await expect(page.getByRole("status").filter({ hasText: /./ })).toHaveCount(0);
    await share.click();
    const calls = await page.evaluate(() => Reflect.get(window, "__shares"));
    expect(calls).toEqual([
      { title: SEED.headline, text: SEED.standfirst, url: CANONICAL },
      { title: SEED.headline, text: SEED.standfirst, url: CANONICAL },
    ]);
  });

  test("a FAST card shares its own card URL", async ({ page, isMobile }) => {
    await page.goto("/fast");
    const card = page.locator(
      '[data-fast-card][data-slug="us-pressing-mexico-to-allow-us-forces-to-fight-cartels"]',
    );
    // On a phone the card's share links sit behind one Share control, to keep the card one screen.
    if (isMobile) await card.locator("summary").click();
    const x = await card.getByRole("link", { name: "Share on X" }).getAttribute("href");
    expect(new URL(x ?? "").searchParams.get("url")).toBe(
      `${baseURL}/fast/us-pressing-mexico-to-allow-us-forces-to-fight-cartels`,
    );
  });

  test("a FAST card holds one share bar: behind Share on a phone, in place on a desktop", async ({
    page,
    isMobile,
  }) => {
    await page.goto("/fast");
    const card = page.locator(
      '[data-fast-card][data-slug="us-pressing-mexico-to-allow-us-forces-to-fight-cartels"]',
    );
    await expect(card.getByRole("heading", { level: 2 })).toBeVisible();
    // One copy in the markup (each card once carried two, one of them always hidden by CSS).
    await expect(card.locator('a[aria-label="Share on X"]')).toHaveCount(1);
    const x = card.getByRole("link", { name: "Share on X" });
    const share = card.locator("summary");
    if (isMobile) {
      await expect(x).toBeHidden();
      await share.click();
      await expect(x).toBeVisible();
      await share.click();
      await expect(x).toBeHidden();
    } else {
      await expect(share).toBeHidden();
      await expect(x).toBeVisible();
      // Below the card's controls, not over its points.
      const link = await card.getByRole("link", { name: /^Read full story/ }).boundingBox();
      const box = await x.boundingBox();
      expect(box?.y ?? 0).toBeGreaterThan((link?.y ?? Infinity) + (link?.height ?? 0));
    }
    // Keyboard order follows the screen: from "Read full story" to the card's previous and next
    // links beside it, then to Share (a phone) or the share row below (wider screens).
    await card.getByRole("link", { name: /^Read full story/ }).focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    await page.keyboard.press("Tab");
    expect(await focused()).toMatch(/^↑\s*Previous/);
    await page.keyboard.press("Tab");
    expect(await focused()).toMatch(/^Next/);
    await page.keyboard.press("Tab");
    if (isMobile) expect(await focused()).toBe("Share");
    else
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        "Share on WhatsApp",
      );
  });
});
