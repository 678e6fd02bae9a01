import { expect, test, type Page } from "@playwright/test";
import { FAST_ORDER, card, expectCardInView } from "./lib/fast";
import { settleThenTap } from "./lib/settle";

/**
 * "Read a summary of this article on FAST" is how most readers reach a card: a client navigation from
 * the story. It must open the story's own card, with that card's address, and never show card 1 on
 * the way (issue "The reader's path", item 1).
 */

const SECTION_OF: Record<string, string> = {
  "fixture-port-reopens-after-storm": "asia",
  "us-pressing-mexico-to-allow-us-forces-to-fight-cartels": "world",
  "fixture-chipmaker-expands": "business",
};

/**
 * Records every card that was ever across the middle of the screen once the deck appeared. An
 * IntersectionObserver reports what was laid out for a frame, after the page's own animation-frame
 * work, so a card seen here is a card the reader would have seen.
 */
async function watchCardsSeen(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __cardsSeen: seen });
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const slug = e.target instanceof HTMLElement ? e.target.dataset.slug : undefined;
          if (e.isIntersecting && slug && !seen.includes(slug)) seen.push(slug);
        }
      },
      { rootMargin: "-50% 0px -50% 0px" },
    );
    const watched = new WeakSet<Element>();
    const attach = () => {
      for (const el of document.querySelectorAll("[data-fast-card]")) {
        if (!watched.has(el)) {
          watched.add(el);
          io.observe(el);
        }
      }
    };
    new MutationObserver(attach).observe(document.body, { childList: true, subtree: true });
  });
}

for (const [label, slug] of [
  ["the newest", FAST_ORDER[0] ?? ""],
  ["a middle", "us-pressing-mexico-to-allow-us-forces-to-fight-cartels"],
  ["the last", FAST_ORDER.at(-1) ?? ""],
] as const) {
  test(`FAST's link on ${label} story opens that story's card, with no other card on the way`, async ({
    page,
    isMobile,
  }) => {
    await page.goto(`/${SECTION_OF[slug]}/${slug}`);
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await watchCardsSeen(page);
    const link = page.getByRole("link", { name: "Read a summary of this article on FAST" });
    await settleThenTap(page, link, isMobile);

    await expectCardInView(page, slug);
    await expect(card(page, slug).getByRole("heading", { level: 2 })).toBeInViewport({ ratio: 1 });
    await expect(page).toHaveURL(`/fast/${slug}`);
    // Still so once the deck's script has settled (it rewrites the address to the card in view).
    await page.waitForTimeout(800);
    await expect(page).toHaveURL(`/fast/${slug}`);
    await expectCardInView(page, slug);
    // A client navigation, as readers take it, not a full page load.
    expect(await page.evaluate(() => "__sameDocument" in window)).toBe(true);
    expect(await page.evaluate((): unknown => Reflect.get(window, "__cardsSeen"))).toEqual([slug]);
  });
}
