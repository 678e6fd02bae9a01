import { expect, test } from "@playwright/test";

const BAD_PATHS = [
  "/no-such-section",
  "/world/no-such-story",
  "/asia/us-pressing-mexico-to-allow-us-forces-to-fight-cartels", // right slug, wrong section
  "/world/..%2F..%2Fpackage.json",
  "/world/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "/world/%E0%A4%A",
  "/%",
  "/world/abc%00def",
  `/world/${"a".repeat(2000)}`,
  "/topic/no-such-topic",
  "/world/US-Pressing-Mexico",
  "/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels/extra",
  "/world/no-such-story/page/2",
];

for (const path of BAD_PATHS) {
  test(`answers ${path.slice(0, 60)} with the designed 404`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain("We can’t find that page");
  });
}

test("an unknown photo URL answers a plain 404: it is an image address, not a page", async ({ request }) => {
  // Photos published after the build are served too (dynamicParams), so an unknown hash reaches the
  // route, which answers 404 as the OG image routes do: Next.js renders no not-found page for routes.
  for (const path of [
    "/media/000000000000/dea-fentanyl-lab.jpg",
    "/media/000000000000/..%2F..%2Fpackage.json",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"] ?? "").not.toMatch(/^image\//);
  }
});

test("the 404 page helps the reader on", async ({ page }) => {
  await page.goto("/world/no-such-story");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  await page.getByRole("link", { name: "Go to the front page" }).click();
  await expect(page).toHaveURL("/");
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  for (const path of [
    "/world/no-such-story",
    "/world/no-such-story/summary",
    "/fast/no-such-card",
    "/zz/no-such-story",
    "/asia/us-pressing-mexico-to-allow-us-forces-to-fight-cartels",
    "/fast/fixture-no-summary-briefing",
    // Routes that render for new params (dynamicParams) answered an unknown one with Next.js's empty
    // error shell: a topic nobody wrote about, and an older page of a story that does not exist.
    "/topic/no-such-topic",
    "/world/no-such-story/page/2",
  ]) {
    test(`${path} shows the 404 page, not an empty one`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
      await expect(page.getByRole("link", { name: "Go to the front page" })).toBeVisible();
    });
  }
});

test.describe("an older page of updates that a story does not have, with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });
  const STORY = "/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels";

  // A story that is not live, or has fewer pages (updates deleted since a link was shared): the reader
  // is sent to the story itself rather than shown an empty error page.
  for (const older of ["page/2", "page/99999", "page/abc"]) {
    test(`${STORY}/${older} opens the story`, async ({ page }) => {
      await page.goto(`${STORY}/${older}`);
      expect(new URL(page.url()).pathname).toBe(STORY);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Mexico");
    });
  }
});
