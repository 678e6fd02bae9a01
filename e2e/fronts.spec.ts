import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { newLiveStory, saveLiveStory } from "./lib/live";
import { clearLiveContent, isoFromNow, newStory, publishStory, saveFile } from "./lib/publish";

/**
 * The front page the editors run (issue 23): content/fronts/home.md places the lead and the top
 * stories and orders the section blocks; a section front places its own; a broken front file never
 * breaks a page. Most read has its own spec (most-read.spec.ts).
 */

test.describe.configure({ mode: "serial" });

/** A reader's browser, as the beacon's bot filter sees it (the suite's own says HeadlessChrome). */
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
test.afterEach(async ({ request }) => clearLiveContent(request));

const lead = (page: Page) => page.locator("section[aria-labelledby=lead-heading] h3");
const top = (page: Page) => page.locator("section[aria-labelledby=top-heading] h3");

test("a home front leads with its story, orders the top stories and the section blocks; removed, home is newest-first again", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "the front is the server's; the phone layout has its own test");
  const older = newStory({
    title: "An older story the editors lead with",
    published: isoFromNow(-5 * 3600_000),
  });
  const second = newStory({ title: "The editors' second story", published: isoFromNow(-4 * 3600_000) });
  const newest = newStory({ title: "The newest story of all", published: isoFromNow(-60_000) });
  for (const s of [older, second, newest]) publishStory(s);
  await expect.poll(async () => (await request.get("/")).text(), { timeout: 10_000 }).toContain(newest.title);
  await page.goto("/");
  await expect(lead(page)).toHaveText(newest.title);

  saveFile(
    "fronts/home.md",
    `---\nlead: world/${older.slug}\ntop: [world/${second.slug}]\nsections: [sport, asia]\n---\n`,
  );
  await expect
    .poll(
      async () => {
        await page.goto("/");
        return [await lead(page).textContent(), await top(page).first().textContent()];
      },
      { timeout: 15_000 },
    )
    .toEqual([older.title, second.title]);
  // The newest story fills the next slot; the sections come in the front's order, then the rest.
  await expect(top(page).nth(1)).toHaveText(newest.title);
  const blocks = await page.locator("[aria-labelledby^=block-] h2").allTextContents();
  expect(blocks.slice(0, 2)).toEqual(["Sport", "Asia"]);
  expect(blocks).toContain("World");
  await expectNoAxeViolations(page);

  saveFile("fronts/home.md", "---\n---\n");
  await expect
    .poll(async () => (await page.goto("/"), await lead(page).textContent()), { timeout: 15_000 })
    .toBe(newest.title);
});

test("a broken front, or one naming stories that are not public, never breaks the page", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "the front is the server's");
  const s = newStory({ title: "A story published before the broken front" });
  const scheduled = newStory({
    title: "A story scheduled for tomorrow",
    published: isoFromNow(24 * 3600_000),
  });
  publishStory(s);
  publishStory(scheduled);
  await expect.poll(async () => (await request.get("/")).text(), { timeout: 10_000 }).toContain(s.title);

  // Saved half-way: YAML that does not parse.
  saveFile("fronts/home.md", "---\nlead: [world/\n---\n");
  await page.goto("/");
  await expect(lead(page)).toHaveText(s.title);
  // Well-formed, but its lead is scheduled and its top story does not exist: both slots skipped.
  saveFile("fronts/home.md", `---\nlead: world/${scheduled.slug}\ntop: [world/no-such-story]\n---\n`);
  await page.waitForTimeout(1_500);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(lead(page)).toHaveText(s.title);
  expect(await page.content()).not.toContain(scheduled.title);
  await expect(top(page)).toHaveCount(6);
  // A section front's problems leave its page whole too.
  saveFile("fronts/world.md", "---\ncolour: red\n---\n");
  expect((await request.get("/world")).status()).toBe(200);
});

test("a live story leads when the front pins it, with its Live mark", async ({ page, request, isMobile }) => {
  test.skip(isMobile, "the front is the server's");
  const live = newLiveStory();
  saveLiveStory(live);
  const newer = newStory({ title: "A newer story than the live one", published: isoFromNow(-60_000) });
  publishStory(newer);
  await expect.poll(async () => (await request.get("/")).text(), { timeout: 10_000 }).toContain(newer.title);
  saveFile("fronts/home.md", `---\nlead: world/${live.slug}\n---\n`);
  await expect
    .poll(async () => (await page.goto("/"), await lead(page).textContent()), { timeout: 15_000 })
    .toBe(live.title);
  await expect(page.locator("section[aria-labelledby=lead-heading] .live-mark")).toHaveText("Live");
});

test("with JavaScript off the home page is whole: the lead, the rails, FAST's cards and every section", async ({
  browser,
  isMobile,
}) => {
  test.skip(isMobile, "the server's page; the phone layout has its own test");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  for (const name of [
    "Top story",
    "Top stories",
    "Latest",
    "Most read",
    "FAST: the news in brief",
    "World",
    "Sport",
  ])
    await expect(page.getByRole("heading", { name, exact: true })).toBeAttached();
  await page.getByRole("link", { name: "Open FAST" }).click();
  await expect(page).toHaveURL(/\/fast$/);
  await context.close();
});

test("a section front leads its section page", async ({ page, request, isMobile }) => {
  test.skip(isMobile, "the front is the server's");
  const a = newStory({ title: "The world desk's pick", published: isoFromNow(-6 * 3600_000) });
  const b = newStory({ title: "The world desk's newest" });
  publishStory(a);
  publishStory(b);
  await expect.poll(async () => (await request.get("/world")).text(), { timeout: 10_000 }).toContain(b.title);
  saveFile("fronts/world.md", `---\nlead: world/${a.slug}\n---\n`);
  await expect
    .poll(async () => (await page.goto("/world"), await page.locator("main h2").first().textContent()), {
      timeout: 15_000,
    })
    .toBe(a.title);
});

test("the home page on a phone: one column, nothing wider than the screen, FAST scrolls sideways with Open FAST in view", async ({
  page,
  isMobile,
}) => {
  test.skip(!isMobile, "the phone's layout");
  await page.goto("/");
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const rail = page.locator("section[aria-labelledby=fast-rail-heading]");
  await rail.scrollIntoViewIfNeeded();
  await expect(rail.getByRole("link", { name: "Open FAST" })).toBeInViewport();
  const list = rail.locator("ul");
  expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // In the page's order, one below the other.
  const tops = await page
    .locator(
      [
        "lead-heading",
        "top-heading",
        "fast-rail-heading",
        "latest-heading",
        "most-read-heading",
        "block-world",
      ]
        .map((id) => `section[aria-labelledby=${id}]`)
        .join(", "),
    )
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(tops).toHaveLength(6);
  expect([...tops].sort((x, y) => x - y)).toEqual(tops);
  await expectNoAxeViolations(page);
});

test("screenshots of the home page at 360, 768 and 1280 px (SHOTS=1), a live story pinned as the lead", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(!process.env.SHOTS, "only when asked");
  test.skip(isMobile, "one browser sets each width itself");
  test.setTimeout(60_000);
  const live = newLiveStory();
  saveLiveStory(live);
  saveFile(
    "fronts/home.md",
    `---\nlead: world/${live.slug}\nsections: [world, asia, business, tech, sport]\n---\n`,
  );
  await expect.poll(async () => (await request.get("/")).text(), { timeout: 15_000 }).toContain(live.title);
  // Readers have read the fixture stories: Most read has a list.
  const home = await (await request.get("/")).text();
  const slugs = [
    ...new Set(
      [...home.matchAll(/href="\/(?:world|asia|business|tech|sport)\/([a-z0-9-]+)"/g)].map((m) => m[1]),
    ),
  ];
  for (const slug of slugs)
    await request.post("/api/read", { form: { story: slug ?? "" }, headers: { "user-agent": BROWSER } });
  await expect
    .poll(
      async () => (
        await page.goto("/"),
        await page.locator("section[aria-labelledby=most-read-heading] li").count()
      ),
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(3);
  for (const [width, height] of [
    [360, 740],
    [768, 1024],
    [1280, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    await page.waitForLoadState("load");
    // Every image the layout shows in, the lazy ones below the screen too (a hidden one, as the app's
    // QR code on a phone, never loads).
    await page.evaluate(() => {
      for (const img of document.images) if (img.checkVisibility()) img.loading = "eager";
    });
    await page.waitForFunction(() =>
      [...document.images].filter((i) => i.checkVisibility()).every((i) => i.complete),
    );
    await page.screenshot({ path: `docs/images/home-${width}.png`, fullPage: true, animations: "disabled" });
  }
});

test("the home page on a desktop: the rail stands beside the lead, and neither column is left empty", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "the desktop's layout");
  // A busy day: a dozen new stories, each read.
  const stories = Array.from({ length: 12 }, (_, i) =>
    newStory({ title: `A story of a busy day, number ${i + 1}`, published: isoFromNow(-(i + 1) * 60_000) }),
  );
  for (const s of stories) publishStory(s);
  await expect
    .poll(async () => (await request.get("/")).text(), { timeout: 15_000 })
    .toContain(stories[0]?.title);
  for (const s of stories)
    expect(
      (
        await request.post("/api/read", { form: { story: s.slug }, headers: { "user-agent": BROWSER } })
      ).status(),
    ).toBe(202);
  const mostRead = page.locator("section[aria-labelledby=most-read-heading] li");
  await expect.poll(async () => (await page.goto("/"), await mostRead.count()), { timeout: 20_000 }).toBe(10);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const box = async (id: string) => {
    const b = await page.locator(`section[aria-labelledby=${id}]`).boundingBox();
    if (!b) throw new Error(`${id} is not on the page`);
    return b;
  };
  const lead = await box("lead-heading");
  const latest = await box("latest-heading");
  expect(latest.x).toBeGreaterThan(lead.x + lead.width);
  expect(Math.abs(latest.y - lead.y)).toBeLessThan(4);
  // Each column ends near the other: no tall empty space under either.
  const main = await page
    .locator(".home-main")
    .evaluate((e) => e.lastElementChild?.getBoundingClientRect().bottom ?? 0);
  const rail = await page
    .locator(".home-rail")
    .evaluate((e) => e.lastElementChild?.getBoundingClientRect().bottom ?? 0);
  const height = Math.max(main, rail) - lead.y;
  expect(Math.abs(main - rail) / height).toBeLessThan(0.5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await expectNoAxeViolations(page);
});
