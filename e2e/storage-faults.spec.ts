import { renameSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";
import { storedStatus, uniqueEmail } from "./lib/newsletter";
import { SEED_PATH } from "./lib/seed";

/**
 * The database fails while the server runs: readers get "try again later" and keep what they typed,
 * machines get a 503 from /health, pages keep being served, nothing is stored, and the server
 * recovers by itself once the database is back. Runs against the real server and its SQLite file.
 */
const DB_FILE = path.join(E2E_DATA_DIR, "dispatch.sqlite");
const UNAVAILABLE = "Signups are unavailable right now and nothing was saved. Please try again later.";

test.describe.configure({ mode: "serial" });

async function signUp(page: Page, email: string) {
  await page.goto("/newsletter");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("checkbox", { name: /Morning Brief/ }).setChecked(true);
  await page.getByRole("button", { name: "Subscribe" }).click();
}

async function expectHealth(request: APIRequestContext, status: number) {
  // /health reuses its check for HEALTH_CACHE_MS (500 ms here), so a change shows within that.
  await expect.poll(async () => (await request.get("/health")).status(), { timeout: 5_000 }).toBe(status);
  const response = await request.get("/health");
  expect(response.status()).toBe(status);
  expect(response.headers()["cache-control"]).toContain("no-store");
  if (status === 503) expect(response.headers()["retry-after"]).toBe("30");
}

async function expectStillServing(request: APIRequestContext) {
  for (const url of ["/", SEED_PATH, "/fast"]) expect((await request.get(url)).status()).toBe(200);
}

for (const javaScript of [true, false]) {
  test.describe(`storage faults, JavaScript ${javaScript ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test("the database locked by another process", async ({ page, request }, info) => {
      await signUp(page, uniqueEmail(info, "before-lock"));
      await expect(page.getByRole("status")).toContainText("we’ve sent an email");

      const email = uniqueEmail(info, "locked");
      const lock = new Database(DB_FILE, { fileMustExist: true });
      lock.exec("BEGIN EXCLUSIVE");
      try {
        await signUp(page, email);
        await expect(page.getByRole("alert").filter({ hasText: UNAVAILABLE })).toBeVisible();
        await expect(page.getByLabel("Email address")).toHaveValue(email);
        await expectHealth(request, 503);
        await expectStillServing(request);
      } finally {
        lock.exec("ROLLBACK");
        lock.close();
      }
      expect(storedStatus(email)).toBeUndefined();

      await expectHealth(request, 200);
      await signUp(page, email);
      await expect(page.getByRole("status")).toContainText(`we’ve sent an email to ${email}`);
      expect(storedStatus(email)).toBe("pending");
    });

    test("the database file gone, then restored", async ({ page, request }, info) => {
      const kept = uniqueEmail(info, "kept");
      await signUp(page, kept);
      await expect(page.getByRole("status")).toContainText("we’ve sent an email");

      const email = uniqueEmail(info, "gone");
      renameSync(DB_FILE, `${DB_FILE}.away`);
      try {
        await signUp(page, email);
        await expect(page.getByRole("alert").filter({ hasText: UNAVAILABLE })).toBeVisible();
        await expectHealth(request, 503);
        await expectStillServing(request);
      } finally {
        renameSync(`${DB_FILE}.away`, DB_FILE);
      }
      expect(storedStatus(email)).toBeUndefined();
      expect(storedStatus(kept)).toBe("pending");

      await expectHealth(request, 200);
      await signUp(page, email);
      await expect(page.getByRole("status")).toContainText(`we’ve sent an email to ${email}`);
      expect(storedStatus(email)).toBe("pending");
    });
  });
}
