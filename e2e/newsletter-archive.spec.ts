import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR, E2E_SERVER_ENV } from "../playwright.config";
import { SEED_PATH } from "./lib/seed";

const SEED = path.basename(SEED_PATH);

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
