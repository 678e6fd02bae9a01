import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SEED } from "./lib/seed";
import { startExtraServer, type ExtraServer } from "./lib/server";

/** Reads a CSS colour as sRGB channels 0–255 (Chromium reports rgb()/rgba()). */
function channels(css: string): number[] {
  return (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
}
function luminance(css: string): number {
  const [r = 0, g = 0, b = 0] = channels(css).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

test.describe("a section with no stories", () => {
  // A second server on a copy of the suite's build that reads only the seed story (World): Sport is
  // empty. The copy keeps its re-rendered pages out of the main server's cache.
  const DIST = ".next-e2e-empty-section";
  let server: ExtraServer;

  test.beforeAll(async () => {
    rmSync(DIST, { recursive: true, force: true });
    cpSync(".next-e2e", DIST, {
      recursive: true,
      filter: (src) => !src.startsWith(path.join(".next-e2e", "cache")),
    });
    server = startExtraServer(3193, { CONTENT_DIR: "content", NEXT_DIST_DIR: DIST });
  });

  test.afterAll(async () => {
    server.kill();
    await server.exited;
    rmSync(DIST, { recursive: true, force: true });
  });

  test("offers the latest stories and FAST instead of a dead end", async ({ page }) => {
    // The build's Sport page had the fixture story; this server re-renders it once it has started.
    const sport = async () => {
      try {
        return await (await fetch(`${server.url}/sport`)).text();
      } catch {
        return "";
      }
    };
    await expect.poll(sport, { timeout: 30_000 }).toContain("No Sport stories yet.");
    await page.goto(`${server.url}/sport`);
    await page.waitForLoadState("networkidle");
    const main = page.getByRole("main");
    await expect(main.getByText("No Sport stories yet.")).toBeVisible();
    const latest = main.getByRole("region", { name: "Latest stories" });
    await expect(latest.getByRole("link", { name: SEED.headline })).toBeVisible();
    await expect(main.getByRole("link", { name: /FAST/ })).toHaveAttribute("href", "/fast");
    await latest.getByRole("link", { name: SEED.headline }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
  });
});

test("the search page on a phone shows one search box", async ({ page, isMobile }) => {
  test.skip(!isMobile, "the header's box sits beside the page's on a phone only");
  await page.goto("/search?q=mexico");
  await page.waitForLoadState("networkidle");
  const boxes = page.getByRole("searchbox");
  await expect(boxes.filter({ visible: true })).toHaveCount(1);
  await expect(boxes.filter({ visible: true })).toHaveValue("mexico");
  // Every other page keeps the header's box.
  await page.goto("/world");
  await expect(page.getByRole("searchbox").filter({ visible: true })).toHaveCount(1);
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("search highlights are dark-mode colours with readable text, not pure yellow", async ({ page }) => {
    await page.goto("/search?q=mexico");
    await page.waitForLoadState("networkidle");
    const marks = page.locator("mark");
    await expect(marks.first()).toBeVisible();
    const colours = await marks.evaluateAll((els) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        return { bg: s.backgroundColor, fg: s.color, page: getComputedStyle(document.body).backgroundColor };
      }),
    );
    for (const c of colours) {
      // A highlight on a dark page is dark itself: no bright block (pure yellow is 0.93).
      expect(luminance(c.bg), c.bg).toBeLessThan(0.2);
      expect(contrast(c.fg, c.bg), `${c.fg} on ${c.bg}`).toBeGreaterThanOrEqual(4.5);
      // And still visibly a highlight against the page.
      expect(c.bg).not.toBe(c.page);
    }
  });
});
