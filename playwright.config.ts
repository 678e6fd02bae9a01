import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { systemChromium } from "./test/chromium.cjs";

/**
 * Browser: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download
 * (test/e2e.mjs installs it on a machine that has neither).
 */
export const executablePath = systemChromium();

const PORT = Number(process.env.E2E_PORT || 3100);
/** Where the server under test keeps its SQLite database and mail outbox (emptied before each run). */
export const E2E_DATA_DIR = path.resolve(".e2e-data");
export const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * A content folder that starts empty: e2e/publishing.spec.ts writes stories into it while the
 * production server runs, as an editor would. It must exist before the build reads it.
 */
export const E2E_LIVE_DIR = path.resolve(".e2e-live");
mkdirSync(E2E_LIVE_DIR, { recursive: true });

export const E2E_PREVIEW_SECRET = "e2e-preview-secret-0123456789";
export const E2E_REVALIDATE_SECRET = "e2e-revalidate-secret-0123456789";

/** The environment the server under test runs with (e2e/shutdown.spec.ts starts a second one). */
export const E2E_SERVER_ENV = {
  CONTENT_DIR: ["content", "e2e/fixtures/content", E2E_LIVE_DIR].join(path.delimiter),
  PREVIEW_SECRET: E2E_PREVIEW_SECRET,
  REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
  NEXT_DIST_DIR: ".next-e2e",
  NEXT_TELEMETRY_DISABLED: "1",
  SITE_URL: baseURL,
  DATA_DIR: E2E_DATA_DIR,
  // Every test posts from 127.0.0.1; the per-IP limit has its own unit test.
  SIGNUP_LIMIT_PER_IP: "1000",
  // /health reuses its database check this long; storage-fault specs poll across it.
  HEALTH_CACHE_MS: "500",
  // Live pages ask for new updates every second, so e2e/live.spec.ts waits seconds, not minutes.
  LIVE_POLL_MS: "1000",
  // Most read is worked out every second, so e2e/fronts.spec.ts waits seconds, not a minute.
  MOST_READ_REFRESH_MS: "1000",
  // Narration off on the shared server: the suite's two cores are not spent speaking every fixture
  // story. e2e/listen.spec.ts runs a server of its own with it on.
  NARRATION: "off",
};

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  // One worker: on two cores the server under test needs the other one.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    {
      name: "phone",
      use: { ...devices["Pixel 7"] },
      // The narration's specs are the server's (they skip phones) and start a narrating server of
      // their own in a beforeAll, which runs even when every test is skipped: not for nothing here.
      testIgnore: /\/listen(-[a-z]+)?\.spec\.ts$/,
    },
  ],
  webServer: {
    // Tests build into their own folder with the fixture articles beside the real content, and a
    // build with warnings fails the suite (build/strict.mjs).
    command: `node build/strict.mjs && npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `${baseURL}/`,
    timeout: 300_000,
    // E2E_REUSE_SERVER=1 runs specs against a server already started with E2E_SERVER_ENV (development).
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "ignore",
    env: E2E_SERVER_ENV,
  },
});
