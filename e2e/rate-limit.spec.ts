import { expect, test, type Page } from "@playwright/test";
import { hasNginx, startProxy } from "./lib/nginx";
import { fillSignup, uniqueEmail } from "./lib/newsletter";
import { startExtraServer, type ExtraServer } from "./lib/server";

/**
 * The per-IP signup limit holds against a client that forges X-Forwarded-For: served directly, and
 * behind the shipped nginx (which appends the address it saw). Each deployment gets its own server with
 * a limit of 3, and every attempt carries a new made-up address.
 */
test.skip(({ isMobile }) => isMobile, "the limit is the server's; one browser is enough");
test.use({ javaScriptEnabled: false });

const LIMIT = 3;
const refused = "Too many signup attempts from your connection";

async function attempt(page: Page, base: string, email: string, forged: string) {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": forged });
  await page.goto(`${base}/newsletter`);
  await fillSignup(page, email);
  await page.getByRole("button", { name: "Subscribe" }).click();
  return (await page.locator("main").textContent()) ?? "";
}

async function expectLimited(page: Page, base: string, info: Parameters<typeof uniqueEmail>[0]) {
  for (let i = 0; i < LIMIT; i += 1) {
    expect(await attempt(page, base, uniqueEmail(info, `xff${i}`), `198.51.100.${i + 1}`)).not.toContain(
      refused,
    );
  }
  expect(await attempt(page, base, uniqueEmail(info, "xff-over"), "198.51.100.200")).toContain(refused);
}

async function up(server: ExtraServer) {
  await expect
    .poll(async () => (await fetch(`${server.url}/health`).catch(() => undefined))?.status, {
      timeout: 30_000,
    })
    .toBe(200);
}

test("served directly: a forged X-Forwarded-For does not open a new bucket", async ({ page }, info) => {
  test.setTimeout(60_000);
  const server = startExtraServer(3192, { SIGNUP_LIMIT_PER_IP: String(LIMIT), TRUSTED_PROXIES: "0" });
  try {
    await up(server);
    await expectLimited(page, server.url, info);
  } finally {
    server.kill();
  }
});

test("behind nginx (TRUSTED_PROXIES=1): the hop nginx added counts, not the client's", async ({
  page,
}, info) => {
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  test.setTimeout(60_000);
  const server = startExtraServer(3193, { SIGNUP_LIMIT_PER_IP: String(LIMIT), TRUSTED_PROXIES: "1" });
  const proxy = await startProxy(8093, [3193]);
  try {
    await up(server);
    await expectLimited(page, proxy.url, info);
  } finally {
    await proxy.stop();
    server.kill();
  }
});
