import { expect, test } from "@playwright/test";
import { E2E_PREVIEW_SECRET } from "../playwright.config";
import { clearLiveContent, isoFromNow, newStory, publishStory } from "./lib/publish";

/**
 * An editor previewing a scheduled story sees its photo, in a real browser; readers still get
 * nothing of it, neither at /media/… nor through the image optimiser, before or after the preview.
 */

test.skip(({ isMobile }) => isMobile, "preview is the server's; one browser is enough");
test.afterEach(async ({ request }) => clearLiveContent(request));

test("in preview a scheduled story's hero photo displays; readers still get 404 for it", async ({
  page,
  request,
}) => {
  const s = newStory({ published: isoFromNow(3 * 24 * 60 * 60 * 1000) });
  const media = publishStory(s);
  const optimised = `/_next/image?url=${encodeURIComponent(media)}&w=640&q=75`;
  await page.goto(`/api/preview?secret=${E2E_PREVIEW_SECRET}&path=/world/${s.slug}`);
  await expect
    .poll(async () => (await page.context().request.get(`/world/${s.slug}`)).status(), { timeout: 15_000 })
    .toBe(200);
  expect((await request.get(media)).status()).toBe(404);
  expect((await request.get(optimised)).status()).not.toBe(200);

  await page.goto(`/world/${s.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
  const hero = page.getByRole("main").getByRole("img", { name: "A stadium" });
  await expect(hero).toBeVisible();
  await expect
    .poll(() => hero.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);

  // The editor's copy of the photo is theirs alone: neither nginx nor the browser may keep it.
  const own = await page.context().request.get(media);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toMatch(/private/);
  expect(own.headers()["cache-control"]).toMatch(/no-store/);

  // And after the preview, a reader still gets nothing, directly or through the optimiser.
  expect((await request.get(media)).status()).toBe(404);
  expect((await request.get(optimised)).status()).not.toBe(200);
});
