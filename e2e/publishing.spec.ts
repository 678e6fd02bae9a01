import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_PREVIEW_SECRET, E2E_REVALIDATE_SECRET } from "../playwright.config";
import {
  clearLiveContent,
  isoFromNow,
  newStory,
  publishStory,
  removeStory,
  saveFile,
  storyText,
  type Story,
} from "./lib/publish";

/**
 * Publishing on the running production server (`next build` + `next start`), as an editor does it:
 * files renamed into a content folder the server was started with, no rebuild, no restart. Each
 * output a story reaches is checked, before and after.
 */

test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "publishing is the server's; one browser is enough");
test.afterEach(async ({ request }) => clearLiveContent(request));

/** Every output a story can reach: pages (their status) and listings (whether they mention it). */
function outputs(s: Story, mediaUrl: string) {
  const topic = `/topic/${s.topic.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return {
    pages: [
      `/world/${s.slug}`,
      `/world/${s.slug}/summary`,
      `/fast/${s.slug}`,
      `/og/article/${s.slug}`,
      `/og/fast/${s.slug}`,
      topic,
      mediaUrl,
    ],
    listings: ["/", "/world", "/fast", "/feed.xml", "/world/feed.xml", "/sitemap.xml", "/news-sitemap.xml"],
  };
}

async function statusOf(request: APIRequestContext, path: string) {
  return (await request.get(path, { maxRedirects: 0 })).status();
}

async function mentions(request: APIRequestContext, path: string, slug: string) {
  return (await (await request.get(path)).text()).includes(slug);
}

async function expectEverywhere(request: APIRequestContext, s: Story, mediaUrl: string) {
  const { pages, listings } = outputs(s, mediaUrl);
  for (const path of pages) expect(await statusOf(request, path), path).toBe(200);
  for (const path of listings) expect(await mentions(request, path, s.slug), path).toBe(true);
}

/** Story, summary view and card of a story deleted for good answer 410; a retracted one's 404. */
const STORY_PAGE = /^\/(world\/[^/]+(\/summary)?|fast\/[^/]+)$/;

async function expectNowhere(request: APIRequestContext, s: Story, mediaUrl: string, gone = false) {
  const { pages, listings } = outputs(s, mediaUrl);
  for (const path of pages) {
    expect(await statusOf(request, path), path).toBe(gone && STORY_PAGE.test(path) ? 410 : 404);
  }
  for (const path of listings) expect(await mentions(request, path, s.slug), path).toBe(false);
}

test("publish: a new story reaches every output without a rebuild", async ({ page, request }) => {
  const s = newStory();
  const media = publishStory(s);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(200);
  await expectEverywhere(request, s, media);

  await page.goto(`/world/${s.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
  await expect(page.getByRole("main").getByRole("img", { name: "A stadium" })).toBeVisible();
  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(jsonLd).toContain(`"headline":"${s.title}"`);
  await page.goto("/fast");
  await expect(page.locator(`[data-fast-card][data-slug="${s.slug}"]`)).toBeAttached();
});

test("correct: the notice, the Updated time, dateModified, the feed's date and the sitemap's lastmod", async ({
  page,
  request,
}) => {
  const s = newStory();
  publishStory(s);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(200);

  const fixed = isoFromNow(-60 * 1000);
  saveFile(
    `world/${s.slug}.md`,
    storyText({
      ...s,
      corrections: [{ date: fixed, text: "An earlier version misspelt the minister's name." }],
    }),
  );
  await page.goto(`/world/${s.slug}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("complementary", { name: "Correction" })).toContainText("misspelt", {
      timeout: 500,
    });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByText(/^Updated /)).toBeVisible();
  await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute("content", fixed);
  expect(await page.locator('script[type="application/ld+json"]').first().textContent()).toContain(
    `"dateModified":"${fixed}"`,
  );

  const feed = await (await request.get("/feed.xml")).text();
  const item = feed.split("<item>").find((i) => i.includes(`/world/${s.slug}`)) ?? "";
  expect(item).toContain(new Date(fixed).toUTCString());
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toMatch(new RegExp(`/world/${s.slug}</loc>\\s*<lastmod>${fixed.replace("+", "\\+")}`));
});

test("unpublish: a deleted story leaves every listing, feed, sitemap and the deck; its pages answer 410 Gone", async ({
  request,
}) => {
  const s = newStory();
  const media = publishStory(s);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(200);
  await expectEverywhere(request, s, media);
  removeStory(s.slug);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(410);
  await expectNowhere(request, s, media, true);
  const page = await request.get(`/world/${s.slug}`);
  expect(page.headers()["content-type"]).toContain("text/html");
  expect(await page.text()).toContain("This story has been removed");
  // Published again under the same name, it is a story again.
  publishStory(s);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(200);
  expect(await statusOf(request, `/fast/${s.slug}`)).toBe(200);
  removeStory(s.slug);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(410);
});

test("retract: a story set back to draft answers 404, not 410 (it may come back)", async ({ request }) => {
  const s = newStory();
  const media = publishStory(s);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(200);
  saveFile(`world/${s.slug}.md`, storyText({ ...s, draft: true }));
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(404);
  await expectNowhere(request, s, media);
});

test("schedule: an embargoed story is in no output before its time and appears by itself after", async ({
  request,
}) => {
  test.setTimeout(60_000);
  const s = newStory({ published: isoFromNow(8_000) });
  const media = publishStory(s);
  // The watcher has seen the file (it is in the live index) well before the embargo lifts.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(Date.now()).toBeLessThan(Date.parse(s.published));
  await expectNowhere(request, s, media);

  await expect
    .poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 30_000, intervals: [500] })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(s.published));
  await expectEverywhere(request, s, media);
});

test("a draft stays private however old its date", async ({ request }) => {
  const s = newStory({ draft: true });
  const media = publishStory(s);
  const visible = newStory();
  publishStory(visible);
  await expect.poll(() => statusOf(request, `/world/${visible.slug}`), { timeout: 10_000 }).toBe(200);
  await expectNowhere(request, s, media);
});

test("a bad save keeps the last good version live, and the next good save replaces it", async ({
  request,
}) => {
  const s = newStory();
  publishStory(s);
  await expect.poll(() => statusOf(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe(200);

  saveFile(`world/${s.slug}.md`, "---\ntitle: [half a save\n");
  const trigger = await request.post("/api/revalidate", {
    headers: { Authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
  });
  const report: unknown = await trigger.json();
  expect(JSON.stringify(report)).toContain(`world/${s.slug}.md: front matter is not valid YAML`);
  const article = await (await request.get(`/world/${s.slug}`)).text();
  expect(article).toContain(s.title);
  expect((await request.get("/health")).status()).toBe(200);

  saveFile(`world/${s.slug}.md`, storyText({ ...s, title: `${s.title}, fixed` }));
  await expect
    .poll(async () => (await request.get(`/world/${s.slug}`)).text(), { timeout: 10_000 })
    .toContain(`${s.title}, fixed`);
});

test("the publish trigger refuses a wrong or missing secret", async ({ request }) => {
  expect((await request.post("/api/revalidate")).status()).toBe(401);
  const wrong = await request.post("/api/revalidate", {
    headers: { Authorization: "Bearer not-the-secret-at-all" },
  });
  expect(wrong.status()).toBe(401);
  const right = await request.post("/api/revalidate", {
    headers: { Authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
  });
  expect(right.status()).toBe(200);
  expect(right.headers()["cache-control"]).toContain("no-store");
});

test.describe("preview", () => {
  test("with the right secret an editor sees a draft: noindex, never cached; readers still get 404", async ({
    page,
    request,
  }) => {
    const s = newStory({ draft: true, published: isoFromNow(3 * 24 * 60 * 60 * 1000) });
    publishStory(s);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await statusOf(request, `/world/${s.slug}`)).toBe(404);

    await page.goto(`/api/preview?secret=${E2E_PREVIEW_SECRET}&path=/world/${s.slug}`);
    await expect(page).toHaveURL(`/world/${s.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
    await expect(page.getByRole("status").filter({ hasText: "Preview." })).toContainText("draft");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const response = await page.context().request.get(`/world/${s.slug}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toMatch(/no-store/);

    // Readers (no preview cookie) still get nothing, and leaving preview ends it for the editor too.
    expect(await statusOf(request, `/world/${s.slug}`)).toBe(404);
    await page.getByRole("link", { name: "Leave preview" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  });

  test("a wrong secret or none turns nothing on", async ({ page, request }) => {
    const s = newStory({ draft: true });
    publishStory(s);
    await new Promise((r) => setTimeout(r, 1_000));
    for (const query of ["secret=wrong-secret-wrong-secret", ""]) {
      const response = await page.goto(`/api/preview?${query}&path=/world/${s.slug}`);
      expect(response?.status()).toBe(401);
      expect((await page.context().cookies()).map((c) => c.name)).not.toContain("__prerender_bypass");
      expect((await page.goto(`/world/${s.slug}`))?.status()).toBe(404);
    }
    expect(await statusOf(request, `/api/preview?secret=${E2E_PREVIEW_SECRET}&path=//evil.example`)).toBe(
      307,
    );
    const redirect = await request.get(`/api/preview?secret=${E2E_PREVIEW_SECRET}&path=//evil.example`, {
      maxRedirects: 0,
    });
    expect(redirect.headers()["location"]).toBe("/");
  });
});
