import { expect, test } from "@playwright/test";
import { E2E_PREVIEW_SECRET, baseURL } from "../playwright.config";
import { hasNginx, startProxy } from "./lib/nginx";
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

  // The optimiser fetches /media/… without the editor's cookie: even the editor gets no optimised copy,
  // so none is stored for a reader to get later.
  expect((await page.context().request.get(optimised)).status()).not.toBe(200);

  // And after the preview, a reader still gets nothing, directly or through the optimiser.
  expect((await request.get(media)).status()).toBe(404);
  expect((await request.get(optimised)).status()).not.toBe(200);
});

test("behind the shipped nginx: the editor's preview photo displays and is never stored for readers", async ({
  page,
}) => {
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  const proxy = await startProxy(8094, [Number(new URL(baseURL).port)]);
  try {
    const s = newStory({ draft: true });
    const media = publishStory(s);
    // A reader asks first, so the proxy holds its 404 for that address.
    await expect.poll(async () => (await fetch(`${proxy.url}/world/${s.slug}`)).status).toBe(404);
    expect((await fetch(`${proxy.url}${media}`)).status).toBe(404);

    await page.goto(`${proxy.url}/api/preview?secret=${E2E_PREVIEW_SECRET}&path=/world/${s.slug}`);
    await expect
      .poll(async () => (await page.context().request.get(`${proxy.url}/world/${s.slug}`)).status(), {
        timeout: 15_000,
      })
      .toBe(200);
    await page.goto(`${proxy.url}/world/${s.slug}`);
    const hero = page.getByRole("main").getByRole("img", { name: "A stadium" });
    await expect
      .poll(() => hero.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBeGreaterThan(0);

    for (let i = 0; i < 3; i += 1) expect((await fetch(`${proxy.url}${media}`)).status).toBe(404);
  } finally {
    await proxy.stop();
  }
});
