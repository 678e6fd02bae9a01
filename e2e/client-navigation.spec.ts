import { expect, test, type Page } from "@playwright/test";
import { FAST_ORDER, card, expectCardInView } from "./lib/fast";
import { SEED, SEED_PATH } from "./lib/seed";
import { settleThenTap } from "./lib/settle";

/**
 * Every client-side navigation, tried as a reader does it: after the router's prefetches have settled
 * (and, on a desktop, with the pointer resting on the link), then checked by what is on screen, not by
 * the URL alone. Back and forward are checked the same way.
 */

const SEED_SLUG = "us-pressing-mexico-to-allow-us-forces-to-fight-cartels";
const BODY_LINE = SEED.paragraphs[1] ?? "";

const toggle = (page: Page) => page.getByRole("navigation", { name: "Article view" });
const summaryCards = (page: Page) => page.getByRole("region", { name: "Summary" }).getByRole("listitem");

async function expectFullView(page: Page) {
  await expect(page.getByText(BODY_LINE)).toBeVisible();
  await expect(summaryCards(page)).toHaveCount(0);
  await expect(toggle(page).getByRole("link", { name: "Full article" })).toHaveAttribute(
    "aria-current",
    "page",
  );
}

async function expectSummaryView(page: Page) {
  await expect(summaryCards(page)).toHaveCount(5);
  await expect(page.getByText(BODY_LINE)).toHaveCount(0);
  await expect(toggle(page).getByRole("link", { name: "Summary" })).toHaveAttribute("aria-current", "page");
}

test.describe("the summary toggle, after the reader has waited", () => {
  test("switches both ways, many times, keeps the scroll position, and back/forward restore each view", async ({
    page,
    isMobile,
  }) => {
    await page.goto(SEED_PATH);
    await expectFullView(page);
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    for (let round = 0; round < 2; round += 1) {
      const summaryLink = toggle(page).getByRole("link", { name: "Summary" });
      await settleThenTap(page, summaryLink, isMobile);
      await expectSummaryView(page);
      await expect(page).toHaveURL(`${SEED_PATH}/summary`);

      const before = await page.evaluate(() => window.scrollY);
      await settleThenTap(page, toggle(page).getByRole("link", { name: "Full article" }), isMobile);
      await expectFullView(page);
      await expect(page).toHaveURL(SEED_PATH);
      // The toggle stays where the reader's finger was: the page did not jump to the top.
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(4);
    }
    expect(await page.evaluate(() => "__sameDocument" in window)).toBe(true);

    await page.goBack();
    await expectSummaryView(page);
    await page.goBack();
    await expectFullView(page);
    await page.goForward();
    await expectSummaryView(page);
  });

  test("the old ?view=summary address still opens the summary view", async ({ page }) => {
    await page.goto(`${SEED_PATH}?view=summary`);
    await expectSummaryView(page);
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", new RegExp(`${SEED_PATH}$`));
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });

    test("the toggle's two links lead to each view", async ({ page }) => {
      await page.goto(SEED_PATH);
      await toggle(page).getByRole("link", { name: "Summary" }).click();
      await expectSummaryView(page);
      await toggle(page).getByRole("link", { name: "Full article" }).click();
      await expectFullView(page);
    });
  });
});

test.describe("navigations across the site, after prefetches settle", () => {
  test("home → article → back to home", async ({ page, isMobile }) => {
    await page.goto("/");
    await settleThenTap(page, page.getByRole("link", { name: SEED.headline }).first(), isMobile);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
    await expect(page.getByText(BODY_LINE)).toBeVisible();
    await page.goBack();
    await expect(page.getByRole("heading", { name: "Top story" })).toBeAttached();
    await page.goForward();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
  });

  test("section → article, and the summary view reached from there", async ({ page, isMobile }) => {
    await page.goto("/world");
    await settleThenTap(page, page.getByRole("link", { name: SEED.headline }).first(), isMobile);
    await expectFullView(page);
    await settleThenTap(page, toggle(page).getByRole("link", { name: "Summary" }), isMobile);
    await expectSummaryView(page);
    await page.goBack();
    await expectFullView(page);
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("World");
  });

  test("article → topic page → back", async ({ page, isMobile }) => {
    await page.goto(SEED_PATH);
    await settleThenTap(page, page.getByRole("link", { name: "Drug trafficking", exact: true }), isMobile);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drug trafficking");
    await page.goBack();
    await expectFullView(page);
  });

  test("header navigation: sections and FAST", async ({ page, isMobile }) => {
    await page.goto(SEED_PATH);
    const header = page.getByRole("navigation", { name: "Sections" });
    await settleThenTap(page, header.getByRole("link", { name: "Business" }), isMobile);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Business");
    await settleThenTap(page, header.getByRole("link", { name: "FAST" }), isMobile);
    // The deck opens at its first card, whole on screen (the site header is one scroll above it).
    await expect(card(page, FAST_ORDER[0] ?? "").getByRole("heading", { level: 2 })).toBeInViewport();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("FAST: the news in brief");
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Business");
    await page.goBack();
    await expectFullView(page);
  });

  test("the deck's next and previous, then FAST → full story → back to the same card", async ({
    page,
    isMobile,
  }) => {
    const [first = "", second = ""] = FAST_ORDER;
    await page.goto("/fast");
    await settleThenTap(page, card(page, first).getByRole("link", { name: /^Next/ }), isMobile);
    await expectCardInView(page, second);
    await settleThenTap(page, card(page, second).getByRole("link", { name: /^Previous/ }), isMobile);
    await expectCardInView(page, first);

    await page.goto(`/fast/${SEED_SLUG}`);
    await expectCardInView(page, SEED_SLUG);
    await settleThenTap(
      page,
      card(page, SEED_SLUG).getByRole("link", { name: /^Read full story/ }),
      isMobile,
    );
    await expectFullView(page);
    // The first of the story's "return to FAST" links: the one above the headline.
    const back = page.getByRole("link", { name: /return to FAST/ }).first();
    await expect(back).toBeVisible();
    await settleThenTap(page, back, isMobile);
    await expectCardInView(page, SEED_SLUG);
    await expect(card(page, SEED_SLUG).getByRole("heading", { level: 2 })).toHaveText(SEED.headline);
  });

  test("404 → front page", async ({ page, isMobile }) => {
    await page.goto("/world/no-such-story");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
    await settleThenTap(page, page.getByRole("link", { name: "Go to the front page" }), isMobile);
    await expect(page.getByRole("heading", { name: "Top story" })).toBeAttached();
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  });
});
