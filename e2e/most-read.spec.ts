import { expect, test } from "@playwright/test";
import { parseMostRead } from "../components/reads/most-read-answer";
import { clearLiveContent, newStory, publishStory, saveFile, storyText } from "./lib/publish";
import { startExtraServer, type ExtraServer } from "./lib/server";

/**
 * Most read (issue 23): a beacon per page view, counted in the site's database per story and hour
 * with bots, floods and other sites' pages left out, and the last 24 hours ranked on home, under a
 * story and on /most-read.
 */

test.describe.configure({ mode: "serial" });
test.afterEach(async ({ request }) => clearLiveContent(request));

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
