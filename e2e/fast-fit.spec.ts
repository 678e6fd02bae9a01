import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { FAST_ORDER, card, expectCardInView } from "./lib/fast";
import { clearLiveContent, saveFile } from "./lib/publish";
import { SEED } from "./lib/seed";

/**
 * A FAST card is one screen on a phone: photo, headline, the points, "Read full story", share and
 * previous/next, nothing below the fold and nothing clipped, at the sizes readers hold.
 */
const SEED_SLUG = "us-pressing-mexico-to-allow-us-forces-to-fight-cartels";
const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 664 },
  { width: 412, height: 839 },
];

async function measure(page: Page, slug: string) {
  return card(page, slug).evaluate((li) => {
    const box = (el: Element | null) => (el ? el.getBoundingClientRect() : undefined);
    const article = li.querySelector("article");
    const list = li.querySelector("ul[aria-label='Summary points']");
    const point = list?.querySelector("li");
    const controls = [...li.querySelectorAll("a, summary")].map((a) => ({
      name: a.textContent?.trim() ?? "",
      box: a.getBoundingClientRect(),
      visible: a.checkVisibility(),
    }));
    return {
      article: box(article),
      img: box(li.querySelector("img")),
      heading: box(li.querySelector("h2")),
      list: box(list),
      listClipped: list ? list.scrollHeight - list.clientHeight : 0,
      pointFontPx: point ? parseFloat(getComputedStyle(point).fontSize) : 0,
      controls,
    };
  });
}

test.describe("a FAST card on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the phone layout");

  for (const size of PHONES) {
    test(`fits one ${size.width}×${size.height} screen with nothing clipped`, async ({ page }, info) => {
      await page.setViewportSize(size);
      await page.goto(`/fast/${SEED_SLUG}`);
      await expectCardInView(page, SEED_SLUG);
      await page.waitForLoadState("networkidle");
      const m = await measure(page, SEED_SLUG);
      await info.attach(`fast-card-${size.width}x${size.height}`, {
        body: await page.screenshot(),
        contentType: "image/png",
      });

      expect(m.article?.top ?? -1).toBeGreaterThanOrEqual(-1);
      expect(m.article?.bottom ?? Infinity).toBeLessThanOrEqual(size.height + 1);
      for (const part of [m.img, m.heading, m.list])
        expect(part?.bottom ?? Infinity).toBeLessThanOrEqual(size.height);
      expect(m.img?.height ?? 0).toBeGreaterThan(50);
      // Every point whole: the list is not cut off.
      expect(m.listClipped).toBeLessThanOrEqual(1);
      expect(m.pointFontPx).toBeGreaterThanOrEqual(size.width >= 390 ? 16 : 15);
      // Read full story, Share, previous and next: on screen and 44 px targets.
      const expectTargets = (controls: typeof m.controls, atLeast: number) => {
        const visible = controls.filter((c) => c.visible);
        expect(visible.length).toBeGreaterThanOrEqual(atLeast);
        for (const c of visible) {
          expect(c.box.top, c.name).toBeGreaterThanOrEqual(0);
          expect(c.box.bottom, c.name).toBeLessThanOrEqual(size.height);
          expect(c.box.height, c.name).toBeGreaterThanOrEqual(44);
          expect(c.box.width, c.name).toBeGreaterThanOrEqual(44);
        }
        return visible.map((c) => c.name);
      };
      expect(expectTargets(m.controls, 4)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Read full story/), "Share"]),
      );
      // Share opens the share links over the points, every one on screen.
      await card(page, SEED_SLUG).locator("summary").click();
      await expect(card(page, SEED_SLUG).getByRole("link", { name: "Share on WhatsApp" })).toBeVisible();
      expectTargets((await measure(page, SEED_SLUG)).controls, 10);
      await info.attach(`fast-card-${size.width}x${size.height}-share-open`, {
        body: await page.screenshot(),
        contentType: "image/png",
      });
      await expect(card(page, SEED_SLUG).getByRole("heading", { level: 2 })).toHaveText(SEED.headline);
    });
  }

  test("the longest story the schema allows still leaves the controls on screen; its points fade out", async ({
    page,
    request,
  }) => {
    const slug = "e2e-fast-fit-longest";
    const point = (n: number) =>
      `Point ${n}: ${"a long sentence that keeps going ".repeat(6)}`.slice(0, 198) + ".";
    await clearLiveContent();
    // A 160-character headline and five 200-character points: the most a card can be given.
    const title = `The longest headline ${"that an editor could possibly write ".repeat(5)}`
      .slice(0, 160)
      .trim();
    const text = [
      "---",
      `title: "${title}"`,
      'standfirst: "The longest card."',
      "section: world",
      'published: "2020-01-01T00:00:00+00:00"',
      "source: Dispatch",
      "hero:",
      "  src: images/fit.jpg",
      '  alt: "A stadium"',
      '  caption: "A caption."',
      '  credit: "(Photo: Dispatch)"',
      "summary:",
      ...[1, 2, 3, 4, 5].map((n) => `  - "${point(n)}"`),
      "---",
      "The text.",
      "",
    ].join("\n");
    saveFile("images/fit.jpg", readFileSync("e2e/fixtures/content/images/stadium.jpg"));
    saveFile(`world/${slug}.md`, text);
    try {
      await expect
        .poll(async () => (await request.get(`/fast/${slug}`)).status(), { timeout: 10_000 })
        .toBe(200);
      for (const size of PHONES) {
        await page.setViewportSize(size);
        await page.goto(`/fast/${slug}`);
        await expectCardInView(page, slug);
        const m = await measure(page, slug);
        expect(m.article?.bottom ?? Infinity).toBeLessThanOrEqual(size.height + 1);
        const readMore = m.controls.find((c) => c.name.startsWith("Read full story"));
        expect(readMore?.box.bottom ?? Infinity).toBeLessThanOrEqual(size.height);
        // The points are longer than the space: the list is cut, faded, and the story is one tap away.
        expect(m.listClipped).toBeGreaterThan(0);
        await card(page, slug)
          .getByRole("link", { name: /^Read full story/ })
          .click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      }
    } finally {
      await clearLiveContent();
      await expect
        .poll(async () => (await request.get(`/fast/${slug}`)).status(), { timeout: 10_000 })
        .toBe(410); // deleted while public
    }
  });
});

test("keyboard: a deep-linked card is where Tab starts, and the deck stays on it", async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, "keyboard is a desktop concern");
  const third = FAST_ORDER[2] ?? "";
  await page.goto(`/fast/${third}`);
  await expectCardInView(page, third);
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("Tab");
  const readMore = card(page, third).getByRole("link", { name: /^Read full story/ });
  await expect(readMore).toBeFocused();
  // The focused control is brought on screen within the opened card; the deck does not go back to
  // the first card, as it did when the first Tab landed on the first card's link.
  await expect(readMore).toBeInViewport();
  await expect(card(page, FAST_ORDER[0] ?? "")).not.toBeInViewport();
});
