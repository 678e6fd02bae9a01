import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { briefWindow } from "../lib/newsletter/window";
import { E2E_DATA_DIR, E2E_SERVER_ENV } from "../playwright.config";
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
import { SEED_PATH } from "./lib/seed";

const SEED = path.basename(SEED_PATH);
/** The server's newsroom zone (SITE_TIME_ZONE, unset in the e2e environment: its default). */
const TIME_ZONE = "Asia/Singapore";

/** The operator's command, against the server's own database (SQLite in E2E_DATA_DIR), mail to the outbox. */
function newsletterSend(args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...E2E_SERVER_ENV,
    DATA_DIR: E2E_DATA_DIR,
  };
  delete env.SMTP_URL;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/newsletter-send.ts", ...args], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
}

test("a sent alert has a web version at a stable address, as mailed, with absolute links", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "one profile: the command runs once");
  const run = newsletterSend(["--list", "breaking-news", "--story", SEED]);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toMatch(/breaking-news\/[a-z0-9-]+: sent \d+/);

  const address = `/newsletter/archive/breaking-news/${SEED}`;
  const response = await request.get(address);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  await page.goto(address);
  const story = page.getByRole("link", { name: /US pressing Mexico/ });
  await expect(story).toHaveAttribute("href", /^http:\/\/127\.0\.0\.1:\d+\/world\//);
  await expect(page.getByRole("link", { name: "Read on FAST" })).toHaveAttribute("href", /\/fast\//);
  await expect(page.getByRole("listitem").first()).toBeVisible();
  // The reader's own unsubscribe link is never in the web version.
  await expect(page.getByRole("link", { name: "Unsubscribe" })).toHaveAttribute("href", /\/newsletter$/);

  expect((await request.get("/newsletter/archive/breaking-news/no-such-issue")).status()).toBe(404);
  expect((await request.get("/newsletter/archive/no-such-list/2026-01-01")).status()).toBe(404);
});

test.describe("a story retracted after the issue was sent", () => {
  test.skip(({ isMobile }) => isMobile, "one profile: the command runs once");
  test.afterEach(async ({ request }) => clearLiveContent(request));

  /** Waits until readers no longer get the story's own page: the retraction is live. */
  async function retracted(request: APIRequestContext, s: Story) {
    await expect
      .poll(async () => [404, 410].includes((await request.get(`/world/${s.slug}`)).status()), {
        timeout: 15_000,
      })
      .toBe(true); // 404 when retracted, 410 when deleted
  }

  test("an alert whose only story is set to draft says the issue is no longer available, and nothing of the story", async ({
    request,
  }) => {
    const s = newStory();
    publishStory(s);
    await expect.poll(async () => (await request.get(`/world/${s.slug}`)).status()).toBe(200);
    const run = newsletterSend(["--list", "breaking-news", "--story", s.slug]);
    expect(run.status, run.stdout + run.stderr).toBe(0);

    const address = `/newsletter/archive/breaking-news/${s.slug}`;
    const sent = await request.get(address);
    expect(sent.status()).toBe(200);
    expect(await sent.text()).toContain(s.title);

    saveFile(`world/${s.slug}.md`, storyText({ ...s, draft: true }));
    await retracted(request, s);
    const after = await request.get(address);
    const html = await after.text();
    expect(html).not.toContain(s.title);
    expect(html).not.toContain(s.slug);
    expect(html).not.toContain("A story published by the e2e suite");
    expect(html).not.toContain("The first point of this story.");
    expect(html).toMatch(/no longer available/i);
    expect(after.status()).toBe(404);
    expect(after.headers()["content-type"]).toContain("text/html");
    // Browsers and CDNs may keep the issue for seconds, not minutes: a retraction must reach readers.
    expect(maxAge(sent.headers()["cache-control"])).toBeLessThanOrEqual(10);
  });

  test("a brief keeps its public stories, leaves out a re-embargoed one and says so, and empties when the rest is deleted", async ({
    page,
    request,
  }) => {
    const window = briefWindow({ at: "18:00", hours: 12 }, new Date(), TIME_ZONE);
    const kept = newStory({ published: isoAt(window.end.getTime() - 60_000) });
    const withdrawn = newStory({ published: isoAt(window.end.getTime() - 30_000) });
    publishStory(kept);
    publishStory(withdrawn);
    for (const s of [kept, withdrawn])
      await expect.poll(async () => (await request.get(`/world/${s.slug}`)).status()).toBe(200);
    const since = new Date(window.end.getTime() - 90_000).toISOString();
    const run = newsletterSend(["--list", "evening-brief", "--since", since]);
    expect(run.status, run.stdout + run.stderr).toBe(0);

    const address = `/newsletter/archive/evening-brief/${window.date}`;
    const sent = await (await request.get(address)).text();
    expect(sent).toContain(kept.title);
    expect(sent).toContain(withdrawn.title);

    saveFile(`world/${withdrawn.slug}.md`, storyText({ ...withdrawn, published: isoFromNow(86_400_000) }));
    await retracted(request, withdrawn);
    const response = await page.goto(address);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("link", { name: kept.title })).toBeVisible();
    expect(await page.content()).not.toContain(withdrawn.title);
    expect(await page.content()).not.toContain(withdrawn.slug);
    await expect(page.getByText("1 story in this issue is no longer available")).toBeVisible();

    removeStory(kept.slug);
    await retracted(request, kept);
    const empty = await request.get(address);
    expect(empty.status()).toBe(404);
    const html = await empty.text();
    expect(html).not.toContain(kept.title);
    expect(html).not.toContain(kept.slug);
    expect(html).toMatch(/no longer available/i);
  });
});

/** Front matter's form of an instant (window ends fall on whole minutes). */
function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "+00:00");
}

/** Seconds a response may be reused by a browser or CDN (the larger of max-age and s-maxage). */
function maxAge(cacheControl = ""): number {
  if (/no-store|no-cache|private/.test(cacheControl)) return 0;
  const ages = [...cacheControl.matchAll(/(?:s-)?max-age=(\d+)/g)].map((m) => Number(m[1]));
  const grace = [...cacheControl.matchAll(/stale-while-revalidate=(\d+)/g)].map((m) => Number(m[1]));
  return Math.max(0, ...ages) + Math.max(0, ...grace);
}
