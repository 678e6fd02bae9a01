import { expect, test } from "@playwright/test";
import { SEED, SEED_PATH } from "./lib/seed";

test("the home page leads with the newest story and links the seed", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Top story" })).toBeAttached();
  const lead = page.locator("section[aria-labelledby=lead-heading]");
  await expect(lead.getByRole("link")).toHaveText(
    "Port reopens after storm closes shipping lanes for three days",
  );
  // Home links a story from each block that shows it (top stories, Latest, FAST, its section).
  await page.getByRole("link", { name: SEED.headline }).first().click();
  await expect(page).toHaveURL(SEED_PATH);
});

test("the section page lists its stories and nothing else", async ({ page }) => {
  await page.goto("/world");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("World");
  await expect(page.getByRole("link", { name: SEED.headline })).toHaveAttribute("href", SEED_PATH);
  await expect(page.getByRole("link", { name: /Markets rally/ })).toHaveCount(0);
});

test("a topic page lists the stories tagged with it", async ({ page }) => {
  await page.goto(SEED_PATH);
  await page.getByRole("link", { name: "Drug trafficking", exact: true }).click();
  await expect(page).toHaveURL("/topic/drug-trafficking");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drug trafficking");
  await expect(page.getByRole("link", { name: SEED.headline })).toBeVisible();
});

test("the skip link moves focus to the main content", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard navigation is a desktop concern");
  await page.goto(SEED_PATH);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
