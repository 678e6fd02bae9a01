import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { FAST_ORDER, card, expectCardInView, swipeUp } from "./lib/fast";
import { SEED, SEED_PATH } from "./lib/seed";

const [first = "", second = "", third = ""] = FAST_ORDER;
const SEED_SLUG = "us-pressing-mexico-to-allow-us-forces-to-fight-cartels";

test.describe("the FAST deck", () => {
  test("shows every story with a summary, newest first, one card per screen", async ({ page }) => {
    await page.goto("/fast");
    const slugs = await page
      .locator("[data-fast-card]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-slug")));
    expect(slugs).toEqual([...FAST_ORDER, "caught-up"]);
    const seed = card(page, SEED_SLUG);
    await expect(seed.getByRole("heading", { level: 2 })).toHaveText(SEED.headline);
    await expect(seed.getByRole("list", { name: "Summary points" }).getByRole("listitem")).toHaveCount(5);
    await expect(seed.getByText("5 of 8")).toBeVisible();
    await expect(seed.getByRole("link", { name: /^Read full story/ })).toHaveAttribute(
      "href",
      `${SEED_PATH}#fast`,
    );
    const box = await card(page, first).boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(page.viewportSize()?.height ?? 0);
    await expect(page.getByRole("heading", { name: "You’re all caught up" })).toBeAttached();
  });

  test("keyboard moves one card at a time; URL, title and announcement follow", async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, "keyboard is a desktop concern");
    await page.goto("/fast");
    await page.keyboard.press("ArrowDown");
    await expectCardInView(page, second);
    await expect(page).toHaveURL(`/fast/${second}`);
    await expect(page).toHaveTitle(/^Markets rally as traders bet on an early rate cut \| FAST \| Dispatch$/);
    await expect(page.locator("[aria-live=polite]")).toHaveText(/^2 of 8: Markets rally/);
    await page.keyboard.press("PageDown");
    await expectCardInView(page, third);
    await expect(page).toHaveURL(`/fast/${third}`);
    await page.keyboard.press("ArrowUp");
    await expectCardInView(page, second);
    await expect(page).toHaveURL(`/fast/${second}`);
  });

  test("the visible next and previous buttons move between cards", async ({ page }) => {
    await page.goto("/fast");
    await card(page, first).getByRole("link", { name: /^Next/ }).click();
    await expectCardInView(page, second);
    await expect(page).toHaveURL(`/fast/${second}`);
    await card(page, second)
      .getByRole("link", { name: /^Previous/ })
      .click();
    await expectCardInView(page, first);
    await expect(page).toHaveURL(`/fast/${first}`);
  });

  test("a swipe moves to the next card", async ({ page, isMobile }) => {
    test.skip(!isMobile, "touch is a phone concern");
    await page.goto(`/fast/${second}`);
    await expectCardInView(page, second);
    await swipeUp(page);
    await expectCardInView(page, third);
    await expect(page).toHaveURL(`/fast/${third}`);
    await expect(page).toHaveTitle(/^Underdogs win the cup final/);
  });

  test("a card's own URL opens the deck at that card, with its own title and canonical", async ({ page }) => {
    await page.goto(`/fast/${SEED_SLUG}`);
    await expectCardInView(page, SEED_SLUG);
    await expect(page).toHaveTitle(`${SEED.headline} | FAST | Dispatch`);
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute(
      "href",
      /\/world\/us-pressing-mexico-to-allow-us-forces-to-fight-cartels$/,
    );
  });

  test("a story without a summary has no card and no FAST links", async ({ page, request }) => {
    expect((await request.get("/fast/fixture-no-summary-briefing")).status()).toBe(404);
    await page.goto("/world/fixture-no-summary-briefing");
    await expect(page.getByRole("navigation", { name: "Article view" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: /FAST/ })).toHaveCount(0);
    await page.goto("/world/fixture-no-summary-briefing?view=summary");
    await expect(page.locator(".article-body")).toContainText("This fixture has no summary points");
  });

  test("reduced motion turns off smooth scrolling", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/fast");
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
    await page.emulateMedia({ reducedMotion: "no-preference" });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe(
      "smooth",
    );
  });
});

test.describe("between FAST and the full story", () => {
  test("read the full story, then return to the same card", async ({ page, isMobile }) => {
    await page.goto(`/fast/${SEED_SLUG}`);
    await card(page, SEED_SLUG)
      .getByRole("link", { name: /^Read full story/ })
      .click();
    await expect(page).toHaveURL(`${SEED_PATH}#fast`);
    await expect(page.getByRole("link", { name: /return to FAST/ }).first()).toHaveAccessibleName(
      isMobile ? "Tap here to return to FAST" : "Click here to return to FAST",
    );
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", /cartels$/);
    await page
      .getByRole("link", { name: /return to FAST/ })
      .first()
      .click();
    await expect(page).toHaveURL(`/fast/${SEED_SLUG}`);
    await expectCardInView(page, SEED_SLUG);
  });

  test("the return control is absent when the story was not opened from FAST", async ({ page }) => {
    await page.goto(SEED_PATH);
    await expect(page.getByRole("link", { name: /return to FAST/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Read a summary of this article on FAST" })).toHaveAttribute(
      "href",
      `/fast/${SEED_SLUG}`,
    );
  });
});

test.describe("the summary view", () => {
  test("a shared summary link opens the summary, rendered on the server", async ({ request }) => {
    const html = await (await request.get(`${SEED_PATH}/summary`)).text();
    expect(html).toContain("Reuters could not immediately verify the New York Times report.</span>");
    expect(html).not.toContain(SEED.paragraphs[1]);
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });

    test("the deck's cards and links work", async ({ page }) => {
      await page.goto("/fast");
      await card(page, first).getByRole("link", { name: /^Next/ }).click();
      await expect(page).toHaveURL(`/fast/${second}`);
      await expectCardInView(page, second);
      await card(page, second)
        .getByRole("link", { name: /^Read full story/ })
        .click();
      await expect(page.getByRole("link", { name: /return to FAST/ }).first()).toBeVisible();
    });
  });
});

test.describe("accessibility", () => {
  for (const path of ["/fast", `/fast/${SEED_SLUG}`, `${SEED_PATH}/summary`, `${SEED_PATH}#fast`]) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});
