import { expect, test } from "@playwright/test";
import { SEED, SEED_PATH } from "./lib/seed";

test.describe("the seed article", () => {
  test("renders whole: headline, standfirst, hero, every paragraph, source", async ({ page }) => {
    const response = await page.goto(SEED_PATH);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${SEED.headline} | Dispatch`);

    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
    await expect(article.getByText(SEED.standfirst, { exact: true })).toBeVisible();
    await expect(article.getByRole("link", { name: "World", exact: true })).toHaveAttribute("href", "/world");

    const figure = article.locator("figure");
    await expect(figure.locator("figcaption")).toHaveText(`${SEED.caption} ${SEED.credit}`);
    const img = figure.getByRole("img");
    await expect(img).toHaveAttribute("alt", /fentanyl/);
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
      .toBeGreaterThan(0);

    const paragraphs = await article.locator(".article-body p").allTextContents();
    expect(paragraphs).toEqual(SEED.paragraphs);
    await expect(article.locator(".article-body .dateline")).toHaveText("WASHINGTON:");
    await expect(article.getByText(SEED.source, { exact: true })).toBeVisible();

    const time = article.locator("time").first();
    await expect(time).toHaveAttribute("datetime", "2026-01-16T07:41:00+08:00");
    await expect(time).toHaveText("16 Jan 2026, 7:41 am GMT+8");

    await expect(article.getByRole("link", { name: "Mexico", exact: true })).toHaveAttribute(
      "href",
      "/topic/mexico",
    );
  });

  test("shows the updated time when an editor set one", async ({ page }) => {
    await page.goto("/asia/fixture-port-reopens-after-storm");
    const times = page.getByRole("article").locator("time");
    await expect(times).toHaveCount(2);
    await expect(times.nth(1)).toHaveAttribute("datetime", "2026-01-20T11:30:00+08:00");
    await expect(page.getByText(/Updated/)).toBeVisible();
  });

  test("reserves the hero's space before it loads (no layout shift)", async ({ page }) => {
    await page.route("**/_next/image**", () => {}); // never answers: the image stays unloaded
    await page.goto(SEED_PATH, { waitUntil: "domcontentloaded" });
    const box = await page.locator("article figure img").first().boundingBox();
    expect(box?.height).toBeGreaterThan(100);
    expect(Math.abs((box?.width ?? 0) / (box?.height ?? 1) - 1600 / 1067)).toBeLessThan(0.02);
  });

  test("external links in the body open safely", async ({ page }) => {
    await page.goto("/asia/fixture-port-reopens-after-storm");
    await expect(page.getByRole("link", { name: "link to an external site" })).toHaveAttribute(
      "rel",
      "noopener noreferrer",
    );
  });

  test("fits a 320px-wide screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(SEED_PATH);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the article reads in full", async ({ page }) => {
    await page.goto(SEED_PATH);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
    const last = SEED.paragraphs.at(-1) ?? "";
    await expect(page.getByText(last)).toBeVisible();
  });
});
