/**
 * The Chromium the e2e suite, Lighthouse and the benchmarks drive: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium when it is there (offline machines); undefined means Playwright's own build.
 */
// CommonJS so that node (the benchmarks, test/e2e.mjs) and Playwright's TypeScript loader import it as it is.
const { existsSync } = require("node:fs");

const DEBIAN = "/usr/bin/chromium";

function systemChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(DEBIAN) ? DEBIAN : undefined;
}

module.exports = { systemChromium };
