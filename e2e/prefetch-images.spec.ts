import { expect, test, type Page } from "@playwright/test";

/**
 * The router prefetches the stories linked in view. React turns every eager image of a page into a
 * preload hint in its RSC payload, and the router acted on those hints while prefetching: a phone
 * downloaded the hero photo of every story it could tap. Only the images a page shows may load.
 */
test.describe("prefetching a link downloads no photo", () => {
  for (const path of ["/", "/world"]) {
    test(`every image fetched on ${path} is one the page shows`, async ({ page }) => {
      const fetched = recordImages(page);
      const prefetches: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("_rsc=")) prefetches.push(r.url());
      });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      // The router has prefetched stories (else this test would prove nothing) ...
      await expect.poll(() => prefetches.length).toBeGreaterThan(0);
      await page.waitForLoadState("networkidle");
      // ... and every photo that came over the network is one of this page's own images.
      const shown = await page.evaluate(() =>
        Array.from(document.images, (img) => img.currentSrc).filter(Boolean),
      );
      const own = new Set(shown.map((u) => new URL(u).pathname + new URL(u).search));
      const strays = fetched.filter((u) => !own.has(u));
      expect(strays, `photos downloaded for pages not shown: ${strays.join(", ")}`).toEqual([]);
    });
  }

  test("the app's QR code is not fetched on a phone, where it is hidden", async ({ page, isMobile }) => {
    test.skip(!isMobile, "a phone's layout hides the QR code");
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto("/");
    await page.getByRole("complementary", { name: "Stay in touch" }).scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    expect(fetched).not.toContain("/app-qr.svg");
  });
});

/** Path and query of every optimised image the page requests. */
function recordImages(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname === "/_next/image") urls.push(url.pathname + url.search);
  });
  return urls;
}
