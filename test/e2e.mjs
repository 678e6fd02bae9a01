#!/usr/bin/env node
/**
 * Runs the Playwright suite, first making sure a Chromium exists: CHROMIUM_PATH or Debian's
 * /usr/bin/chromium when present (offline machines), otherwise Playwright's own build, downloaded
 * on first use on a machine with the internet.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { systemChromium } from "./chromium.cjs";

if (!systemChromium() && !existsSync(chromium.executablePath())) {
  console.log("e2e: no system Chromium; installing Playwright's own");
  const install = spawnSync("npx", ["playwright", "install", "--with-deps", "chromium"], {
    stdio: "inherit",
  });
  if (install.status !== 0) {
    console.error(
      "e2e: could not get a browser. Install chromium (apt-get install chromium) or set CHROMIUM_PATH.",
    );
    process.exit(install.status ?? 1);
  }
}

// A fresh database and mail outbox for every run (see E2E_DATA_DIR in playwright.config.ts).
rmSync(".e2e-data", { recursive: true, force: true });
// And an empty folder for the stories e2e/publishing.spec.ts publishes while the server runs.
rmSync(".e2e-live", { recursive: true, force: true });

const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(run.status ?? 1);
