import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { clearLiveContent, isoFromNow, saveFile } from "./lib/publish";

/**
 * A story with a long unbroken run in every field (a URL, a product code, a CJK sentence all behave
 * so): at 360 px no page may become wider than the screen, and no line of it may run off screen
 * or be clipped.
 */
const SLUG = "e2e-long-words";
// 120 characters without a break opportunity.
const LONG = "Antidisestablishmentarianism".repeat(5).slice(0, 120);
const TOPIC = "Longword desk";

function story(): string {
  return [
    "---",
    `title: "Wordwidth ${LONG} headline"`,
    `standfirst: "A standfirst with ${LONG} inside it."`,
    "section: world",
    `topics: ["${TOPIC}"]`,
    `published: "${isoFromNow(-60 * 1000)}"`,
    "source: Dispatch",
    "hero:",
    `  src: images/${SLUG}.jpg`,
    '  alt: "A stadium"',
    `  caption: "A caption with ${LONG} in it."`,
    '  credit: "(Photo: Dispatch)"',
    "summary:",
    `  - "A point with ${LONG} in it."`,
    '  - "A second point."',
    '  - "A third point."',
    "---",
    `The body holds ${LONG} as one word. Wordwidth is the word to search for.`,
    "",
  ].join("\n");
}

const PAGES = {
  home: "/",
  section: "/world",
  article: `/world/${SLUG}`,
  "summary view": `/world/${SLUG}?view=summary`,
  "FAST card": `/fast/${SLUG}`,
  topic: "/topic/longword-desk",
  "search results": "/search?q=wordwidth",
};

test.describe("a 120-character unbroken word at 360 px", () => {
  test.beforeAll(async ({ request }) => {
    await clearLiveContent();
    saveFile(`images/${SLUG}.jpg`, readFileSync("e2e/fixtures/content/images/stadium.jpg"));
    saveFile(`world/${SLUG}.md`, story());
    for (const path of Object.values(PAGES)) {
      await expect
        .poll(async () => (await request.get(path)).text(), { timeout: 15_000 })
        .toContain(LONG.slice(0, 40));
    }
  });

  test.afterAll(async ({ request }) => {
    await clearLiveContent();
    await expect
      .poll(async () => (await request.get(`/world/${SLUG}`)).status(), { timeout: 15_000 })
      .toBe(410); // deleted while public
  });

  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name}: the page is as wide as the screen and every line of the story is on it`, async ({
      page,
    }, info) => {
      await page.setViewportSize({ width: 360, height: 640 });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const m = await page.evaluate(
        (word) => {
          const runs: { tag: string; left: number; right: number }[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const el = node.parentElement;
            if (!el || !node.textContent?.includes(word)) continue;
            if (!el.checkVisibility() || el.closest(".sr-only")) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) {
              runs.push({ tag: el.tagName.toLowerCase(), left: r.left, right: r.right });
            }
          }
          return {
            scrollWidth: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
            runs,
          };
        },
        LONG.slice(0, 40),
      );
      await info.attach(`long-words-${name}`, { body: await page.screenshot(), contentType: "image/png" });
      expect(m.runs.length, "the long word is on the page").toBeGreaterThan(0);
      // Against 360, not innerWidth: a phone zooms out to fit a page that is too wide, and its
      // innerWidth grows with it (1,440 px here before the fix).
      expect(m.viewport).toBe(360);
      expect(m.scrollWidth).toBe(360);
      // Each line of text lies on screen: nothing runs off the right edge or is clipped by its box.
      for (const r of m.runs) {
        expect(r.left, r.tag).toBeGreaterThanOrEqual(0);
        expect(r.right, r.tag).toBeLessThanOrEqual(360);
      }
    });
  }
});
