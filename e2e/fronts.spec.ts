import { expect, test, type Page } from "@playwright/test";
import { parseMostRead } from "../components/reads/most-read-answer";
import { expectNoAxeViolations } from "./lib/axe";
import { newLiveStory, saveLiveStory } from "./lib/live";
import { clearLiveContent, isoFromNow, newStory, publishStory, saveFile, storyText } from "./lib/publish";
import { startExtraServer, type ExtraServer } from "./lib/server";

/**
 * The front page the editors run (issue 23): content/fronts/home.md places the lead and the top
 * stories and orders the section blocks; a section front places its own; a broken front file never
 * breaks a page. Most read counts beacons (one a page view) and ranks the last 24 hours.
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
    // Every photo in, the lazy ones below the screen too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
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

test.describe("Most read", () => {
  let server: ExtraServer;
  const READER =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
  // A server of its own behind a (pretend) trusted proxy, so beacons can come from many addresses,
  // and a ranking worked out every second instead of every minute.
  test.beforeAll(async () => {
    server = startExtraServer(3193, { TRUSTED_PROXIES: "1", MOST_READ_REFRESH_MS: "1000" });
    await expect
      .poll(async () => (await fetch(`${server.url}/health`).catch(() => undefined))?.status, {
        timeout: 30_000,
      })
      .toBe(200);
  });
  test.afterAll(() => server.kill());
  test.skip(({ isMobile }) => isMobile, "the counts are the server's");

  const beacon = (slug: string, address: string, userAgent = READER) =>
    fetch(`${server.url}/api/read`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "user-agent": userAgent,
        "x-forwarded-for": address,
      },
      body: `story=${slug}`,
    }).then((r) => r.status);
  const ranking = async () =>
    (parseMostRead(await (await fetch(`${server.url}/most-read.json`)).json()) ?? []).map((s) => s.path);

  test("beacons raise a story; a flood from one address does not; a story that stops being public leaves", async () => {
    test.setTimeout(60_000);
    const read = newStory({ title: "A story many readers read" });
    const flooded = newStory({ title: "A story one client floods" });
    publishStory(read);
    publishStory(flooded);
    await expect
      .poll(async () => (await fetch(`${server.url}/world/${read.slug}`)).status, { timeout: 15_000 })
      .toBe(200);
    await expect
      .poll(async () => (await fetch(`${server.url}/world/${flooded.slug}`)).status, { timeout: 15_000 })
      .toBe(200);

    for (let i = 0; i < 5; i++) expect(await beacon(read.slug, `198.51.100.${i + 1}`)).toBe(202);
    // One address, 300 beacons: one read counted, the rest repeats or refused past the limit.
    const statuses = await Promise.all(
      Array.from({ length: 300 }, () => beacon(flooded.slug, "203.0.113.7")),
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(new Set(statuses)).toEqual(new Set([202, 204, 429]));
    // Bots and stories that do not exist count for nothing.
    expect(await beacon(read.slug, "198.51.100.99", "Googlebot/2.1 (+http://www.google.com/bot.html)")).toBe(
      204,
    );
    expect(await beacon("no-such-story", "198.51.100.98")).toBe(404);
    // Another site's page sending beacons from its readers' browsers counts for nothing.
    const crossSite: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { origin: "https://elsewhere.example" },
    ];
    for (const headers of crossSite)
      expect(
        (
          await fetch(`${server.url}/api/read`, {
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "user-agent": READER,
              ...headers,
            },
            body: `story=${read.slug}`,
          })
        ).status,
      ).toBe(403);

    await expect.poll(ranking, { timeout: 15_000 }).toContain(`/world/${read.slug}`);
    const list = await ranking();
    expect(list.indexOf(`/world/${read.slug}`)).toBeLessThan(list.indexOf(`/world/${flooded.slug}`));
    // On the home page too, server-rendered.
    await expect
      .poll(async () => (await (await fetch(`${server.url}/`)).text()).includes(read.title), {
        timeout: 15_000,
      })
      .toBe(true);

    // Unpublished (turned into a draft): it leaves the list at once, whatever its count.
    saveFile(`world/${read.slug}.md`, storyText({ ...read, draft: true }));
    await expect.poll(ranking, { timeout: 10_000 }).not.toContain(`/world/${read.slug}`);
  });

  test("a reader's page view sends one beacon after a few seconds; the list shows under the story", async ({
    browser,
  }) => {
    const s = newStory({ title: "A story read in a browser" });
    publishStory(s);
    await expect
      .poll(async () => (await fetch(`${server.url}/world/${s.slug}`)).status, { timeout: 15_000 })
      .toBe(200);
    const context = await browser.newContext({
      userAgent: READER,
      extraHTTPHeaders: { "x-forwarded-for": "192.0.2.44" },
    });
    const page = await context.newPage();
    const beacons: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/read")) beacons.push(r.postData() ?? "");
    });
    await page.goto(`${server.url}/world/${s.slug}`);
    await expect.poll(() => beacons, { timeout: 10_000 }).toEqual([`story=${s.slug}`]);
    await page.waitForTimeout(1_000);
    expect(beacons).toHaveLength(1);
    await expect.poll(ranking, { timeout: 15_000 }).toContain(`/world/${s.slug}`);
    await context.close();
    // Another reader's view of a story page (a browser of its own: the list is cached 10 s) shows it.
    const other = await browser.newContext({ userAgent: READER });
    const next = await other.newPage();
    await next.goto(`${server.url}/world/fixture-leaders-meet-for-climate-summit`);
    await expect(
      next.getByRole("complementary", { name: "Most read" }).getByRole("link", { name: s.title }),
    ).toBeVisible();
    await other.close();
  });

  test("without JavaScript, a story links to the most read page, which lists them", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, userAgent: READER });
    const page = await context.newPage();
    await page.goto(`${server.url}/world/fixture-leaders-meet-for-climate-summit`);
    const aside = page.getByRole("complementary", { name: "Most read" });
    await aside.getByRole("link", { name: "See the stories readers are reading most" }).click();
    await expect(page).toHaveURL(`${server.url}/most-read`);
    await expect(page.getByRole("heading", { level: 1, name: "Most read" })).toBeVisible();
    await context.close();
  });
});
