import { expect, test, type Page } from "@playwright/test";
import { SEED_PATH } from "./lib/seed";

/**
 * The router prefetches the stories linked in view. React turns every eager image of a page into a
 * preload hint in its RSC payload (an `:HL` row), and the router acted on those hints while only
 * prefetching: a phone downloaded the hero photo of every story it could tap. Pages now carry no
 * image hint, and only the images a page shows load.
 */
test.describe("prefetching a link downloads no photo", () => {
  test("no page's payload carries an image preload hint", async ({ request }) => {
    for (const path of ["/", "/world", SEED_PATH, `${SEED_PATH}/summary`, "/fast"]) {
      const html = await (await request.get(path)).text();
      const hints = flightRows(html).filter((row) => row.startsWith(":HL["));
      // The page's stylesheet is hinted: the rows were read (else this would prove nothing).
      expect(
        hints.some((row) => row.includes('"style"')),
        path,
      ).toBe(true);
      expect(
        hints.filter((row) => row.includes('"image"')),
        `${path} hints an image`,
      ).toEqual([]);
    }
  });

  for (const path of ["/", "/world"]) {
    test(`every photo fetched on ${path} is one the page shows`, async ({ page }) => {
      const fetched = recordImages(page);
      const prefetched = new Set<string>();
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.searchParams.has("_rsc")) prefetched.add(url.pathname);
      });
      await page.goto(path);
      // The router has prefetched a story (a /{section}/{slug} page), else this proves nothing ...
      await expect
        .poll(() => [...prefetched].some((p) => /^\/[^/]+\/[^/]+$/.test(p) && !p.startsWith("/fast/")))
        .toBe(true);
      // ... and once the photos fetched stop changing for a second and a half, ...
      let last = -1;
      await expect
        .poll(
          async () => {
            const settled = fetched.length === last;
            last = fetched.length;
            return settled;
          },
          { intervals: [1_500], timeout: 30_000 },
        )
        .toBe(true);
      // ... every one of them is one of this page's own images.
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
    const stay = page.getByRole("complementary", { name: "Stay in touch" });
    await expect(stay.getByAltText(/QR code/)).toBeAttached();
    await stay.scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    expect(fetched).not.toContain("/app-qr.svg");
  });
});

/** Path and query of every image the page requests through the image optimiser. */
function recordImages(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname === "/_next/image") urls.push(url.pathname + url.search);
  });
  return urls;
}

/** The rows of the RSC payload a server-rendered page carries (`self.__next_f.push([1, "…"])`). */
function flightRows(html: string): string[] {
  let payload = "";
  for (const [, chunk = ""] of html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/g)) {
    const parsed: unknown = JSON.parse(chunk);
    if (Array.isArray(parsed) && typeof parsed[1] === "string") payload += parsed[1];
  }
  return payload.split("\n");
}
