import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { newLiveStory, removeUpdate, saveLiveStory, saveUpdate, type LiveStory } from "./lib/live";
import { clearLiveContent, isoFromNow } from "./lib/publish";

/**
 * Live coverage (issue 22): a story that grows by update files while readers have it open. The
 * server under test asks for updates every second (LIVE_POLL_MS in playwright.config.ts).
 */

test.describe.configure({ mode: "serial" });
test.afterEach(async ({ request }) => clearLiveContent(request));

/** The page's LiveBlogPosting (JSON-LD blocks hold arrays of objects). */
async function liveBlog(
  page: Page,
): Promise<Record<string, unknown> & { liveBlogUpdate?: { url: string }[] }> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const graph: Record<string, unknown>[] = blocks.flatMap((b) => JSON.parse(b));
  const found = graph.find((g) => g["@type"] === "LiveBlogPosting");
  expect(found, "a LiveBlogPosting in the page's JSON-LD").toBeTruthy();
  return found ?? {};
}

const updates = (page: Page) =>
  page.getByRole("list", { name: "Updates, newest first" }).getByRole("article");

async function publishLive(page: Page, s: LiveStory) {
  saveLiveStory(s);
  saveUpdate(s, { id: "first", at: -50, title: "Ferries suspended", key: true });
  saveUpdate(s, { id: "second", at: -30, body: "Power is out in the north of the city." });
  saveUpdate(s, { id: "pinned", at: -40, title: "What we know", pinned: true });
  await expect
    .poll(async () => (await page.request.get(`/world/${s.slug}`)).status(), { timeout: 10_000 })
    .toBe(200);
  await expect
    .poll(async () => (await (await page.request.get(`/world/${s.slug}`)).text()).includes("Power is out"), {
      timeout: 10_000,
    })
    .toBe(true);
}

test("the page: Live mark, key events, the pinned update first, then newest first; valid LiveBlogPosting; axe clean", async ({
  page,
}) => {
  const s = newLiveStory();
  await publishLive(page, s);
  await page.goto(`/world/${s.slug}`);
  const main = page.getByRole("main");
  await expect(main.getByText("Live", { exact: true }).first()).toBeVisible();
  await expect(main.getByText(/^Updated \d{1,2}:\d{2}/)).toBeVisible();
  const events = main.getByRole("navigation", { name: "Key events" });
  await expect(events.getByRole("link", { name: "Ferries suspended" })).toHaveAttribute(
    "href",
    "#update-first",
  );
  await expect(updates(page)).toHaveCount(3);
  await expect(updates(page).nth(0)).toHaveAttribute("id", "update-pinned");
  await expect(updates(page).nth(1)).toHaveAttribute("id", "update-second");
  await expect(updates(page).nth(2)).toHaveAttribute("id", "update-first");
  await expect(updates(page).nth(0).getByText("Pinned", { exact: true })).toBeVisible();

  const ld = await liveBlog(page);
  expect(ld.coverageStartTime).toBeTruthy();
  expect(ld.coverageEndTime).toBeUndefined();
  expect((ld.liveBlogUpdate ?? []).map((u) => u.url.split("#")[1])).toEqual([
    "update-second",
    "update-pinned",
    "update-first",
  ]);
  await expectNoAxeViolations(page);

  // Listed with a Live mark on its section and on home.
  for (const path of ["/", "/world"]) {
    await page.goto(path);
    // The first card that shows it (home may show a story in more than one block).
    const card = page.getByRole("article").filter({ hasText: s.title }).first();
    await expect(card.getByText("Live", { exact: true })).toBeVisible();
  }
});

test("at the top of the list, a new update appears in place without a reload; edited and deleted ones follow", async ({
  page,
}) => {
  const s = newLiveStory();
  await publishLive(page, s);
  await page.goto(`/world/${s.slug}`);
  await expect(updates(page)).toHaveCount(3);
  await page.getByRole("navigation", { name: "Key events" }).scrollIntoViewIfNeeded();
  saveUpdate(s, { id: "third", at: -1, title: "Bridge closed", key: true });
  await expect(updates(page).nth(1)).toHaveAttribute("id", "update-third", { timeout: 15_000 });
  // A new key event joins the key events, newest first.
  await expect(page.getByRole("navigation", { name: "Key events" }).getByRole("link")).toHaveText([
    "Bridge closed",
    "Ferries suspended",
  ]);
  await expect(
    page.getByRole("navigation", { name: "Key events" }).getByRole("link", { name: "Bridge closed" }),
  ).toHaveAttribute("href", "#update-third");
  await expect(page.getByRole("status").filter({ hasText: "1 new update" })).toBeAttached();
  // Nothing took focus.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");

  saveUpdate(s, { id: "second", at: -30, body: "Power is back in most of the north." });
  await expect(page.locator("#update-second")).toContainText("Power is back", { timeout: 15_000 });
  removeUpdate(s, "first");
  await expect(page.locator("#update-first")).toHaveCount(0, { timeout: 15_000 });
  await expect(updates(page)).toHaveCount(3);
});

test("read further down, new updates wait behind a button: the title counts them, pressing it focuses the first", async ({
  page,
}) => {
  const s = newLiveStory();
  await publishLive(page, s);
  await page.goto(`/world/${s.slug}`);
  const title = await page.title();
  // The reader is down in the updates: the list's top is above the screen.
  await page.locator("#update-first").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 400));
  const scrolled = await page.evaluate(() => window.scrollY);
  saveUpdate(s, { id: "third", at: -2, title: "Bridge closed" });
  saveUpdate(s, { id: "fourth", at: -1, title: "Airport shut", key: true });
  const button = page.getByRole("button", { name: /^2 new updates$/ });
  await expect(button).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveTitle(`(2) ${title}`);
  await expect(page.locator("#update-third")).toHaveCount(0);
  // A key event of an update not shown yet waits with it: the box above the reader does not grow.
  const events = page.getByRole("navigation", { name: "Key events" });
  await expect(events.getByRole("link")).toHaveText(["Ferries suspended"]);
  // The page did not move under the reader.
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#update-fourth")).toBeFocused();
  await expect(page).toHaveTitle(title);
  await expect(updates(page).nth(1)).toHaveAttribute("id", "update-fourth");
  await expect(updates(page).nth(2)).toHaveAttribute("id", "update-third");
  await expect(events.getByRole("link")).toHaveText(["Airport shut", "Ferries suspended"]);
  await expectNoAxeViolations(page);
});

test("search finds a live story by an update's words and links to that update", async ({ page }) => {
  const s = newLiveStory();
  await publishLive(page, s);
  // A word of this run only, in one update.
  const word = `quagga${Date.now().toString(36)}`;
  saveUpdate(s, {
    id: "rescue",
    at: -1,
    title: "Rescue boats out",
    body: `Crews reached the ${word} shelter.`,
  });
  const search = `/search?q=${word}`;
  await expect
    .poll(async () => (await (await page.request.get(search)).text()).includes(s.title), { timeout: 15_000 })
    .toBe(true);
  await page.goto(search);
  const hit = page.getByRole("article").filter({ hasText: s.title });
  await expect(hit.getByText("Live", { exact: true })).toBeVisible();
  const link = hit.getByRole("link", { name: /^In the update “Rescue boats out”/ });
  await expect(link).toHaveAttribute("href", `/world/${s.slug}/update/rescue`);
  await page.waitForLoadState("networkidle");
  await link.click();
  await expect(page.locator("#update-rescue")).toBeInViewport();
  await expect(page.locator("#update-rescue")).toContainText(word);
});

test("an update dated ahead appears at its time; a draft never does", async ({ page }) => {
  const s = newLiveStory();
  await publishLive(page, s);
  saveUpdate(s, { id: "draft", at: -5, title: "Not for readers", draft: true });
  // Four seconds ahead (an ISO time to the second, so up to five).
  saveUpdate(s, { id: "soon", at: 4 / 60, title: "Scheduled update" });
  await page.goto(`/world/${s.slug}`);
  await expect(page.locator("#update-soon")).toHaveCount(0);
  await expect(page.locator("#update-soon")).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator("#update-draft")).toHaveCount(0);
  expect(await (await page.request.get(`/world/${s.slug}`)).text()).not.toContain("Not for readers");
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the page is whole, offers a refresh, and a permalink to an old update lands on page 3 at it", async ({
    page,
  }) => {
    const s = newLiveStory();
    saveLiveStory(s);
    for (let i = 0; i < 45; i += 1) {
      saveUpdate(s, { id: `u${String(i).padStart(2, "0")}`, at: -100 + i, title: `Update number ${i}` });
    }
    await expect
      .poll(
        async () =>
          (await page.request.get(`/world/${s.slug}/update/u00`, { maxRedirects: 0 })).headers().location,
        {
          timeout: 10_000,
        },
      )
      .toBe(`/world/${s.slug}/page/3#update-u00`);
    await page.goto(`/world/${s.slug}`);
    await expect(page.getByRole("link", { name: "Refresh for the latest updates" })).toHaveAttribute(
      "href",
      `/world/${s.slug}`,
    );
    await expect(updates(page)).toHaveCount(20);
    await expect(page.getByText("Page 1 of 3")).toBeVisible();

    await page.goto(`/world/${s.slug}/update/u00`);
    expect(new URL(page.url()).pathname).toBe(`/world/${s.slug}/page/3`);
    await expect(page.locator("#update-u00")).toBeInViewport();
    await expect(updates(page)).toHaveCount(5);
    await page.getByRole("link", { name: "← Newer updates" }).click();
    await expect(page.getByText("Page 2 of 3")).toBeVisible();
  });

  test("ended coverage: no Live mark, the notice with its time, and no refresh link", async ({ page }) => {
    const s = newLiveStory();
    saveLiveStory(s);
    saveUpdate(s, { id: "last", at: -10, title: "Storm has passed" });
    saveLiveStory({ ...s, ended: isoFromNow(-5 * 60 * 1000) });
    await expect
      .poll(async () => (await page.request.get(`/world/${s.slug}`)).text(), { timeout: 10_000 })
      .toContain("This live coverage has ended");
    await page.goto(`/world/${s.slug}`);
    await expect(page.getByRole("note")).toContainText("This live coverage has ended");
    await expect(page.getByRole("main").getByText("Live", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Refresh for the latest updates" })).toHaveCount(0);
    expect((await liveBlog(page)).coverageEndTime).toBeTruthy();
  });
});

test("ended coverage stops asking for updates", async ({ page }) => {
  const s = { ...newLiveStory(), ended: isoFromNow(-60 * 1000) };
  saveLiveStory(s);
  saveUpdate(s, { id: "last", at: -10 });
  await expect
    .poll(async () => (await page.request.get(`/world/${s.slug}`)).status(), { timeout: 10_000 })
    .toBe(200);
  const polls: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/updates.json")) polls.push(r.url());
  });
  await page.goto(`/world/${s.slug}`);
  await page.waitForTimeout(3_000);
  expect(polls).toEqual([]);
});

test("an end dated ahead: live until then, then ended in place, on its section and after a reload", async ({
  page,
}) => {
  // Ten seconds ahead (times to the second in the file): the scheduler ends it then.
  const s = { ...newLiveStory(), ended: isoFromNow(10_000) };
  saveLiveStory(s);
  saveUpdate(s, { id: "last", at: -10, title: "Storm is passing" });
  await expect
    .poll(async () => (await page.request.get(`/world/${s.slug}`)).status(), { timeout: 10_000 })
    .toBe(200);
  // The page's timers on a clock the test can move: after eight quiet asks it asks once a minute.
  await page.clock.install();
  await page.goto(`/world/${s.slug}`);
  const main = page.getByRole("main");
  await expect(main.getByText("Live", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "has ended" })).toHaveCount(0);
  await expect
    .poll(async () => (await (await page.request.get(`/world/${s.slug}/updates.json`)).json()).live, {
      timeout: 20_000,
    })
    .toBe(false);
  // The open page learns of the end by its next ask, without a reload.
  await page.clock.fastForward("01:05");
  await expect(page.getByRole("note")).toContainText("This live coverage has ended", { timeout: 10_000 });
  await expect(main.getByText("Live", { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("note")).toContainText("This live coverage has ended");
  await page.goto("/world");
  const card = page.getByRole("article").filter({ hasText: s.title });
  await expect(card).toBeVisible();
  await expect(card.getByText("Live", { exact: true })).toHaveCount(0);
});

test("screenshots of live coverage at 360 and 1280 px (SHOTS=1): the page, the button, ended", async ({
  page,
  isMobile,
}) => {
  test.skip(!process.env.SHOTS, "only when asked");
  const width = isMobile ? 360 : 1280;
  await page.setViewportSize({ width, height: isMobile ? 740 : 720 });
  const s = newLiveStory();
  await publishLive(page, s);
  await page.goto(`/world/${s.slug}`);
  await page.waitForLoadState("load");
  const shot = (name: string) =>
    page.screenshot({ path: `docs/images/live-${name}-${width}.png`, animations: "disabled" });
  await page.getByRole("navigation", { name: "Key events" }).scrollIntoViewIfNeeded();
  await shot("page");
  // Down in the updates: the list's top above the screen.
  await page.locator("#update-first").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 400));
  saveUpdate(s, { id: "third", at: -2, title: "Bridge closed", key: true });
  saveUpdate(s, { id: "fourth", at: -1, title: "Airport shut" });
  await expect(page.getByRole("button", { name: "2 new updates" })).toBeVisible({ timeout: 15_000 });
  await shot("button");
  saveLiveStory({ ...s, ended: isoFromNow(-60 * 1000) });
  await expect
    .poll(async () => (await page.request.get(`/world/${s.slug}`)).text(), { timeout: 10_000 })
    .toContain("This live coverage has ended");
  await page.goto(`/world/${s.slug}`);
  await page.waitForLoadState("load");
  await page.getByRole("note").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await shot("ended");
});
