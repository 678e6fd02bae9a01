import { expect, test } from "@playwright/test";
import { SEED_PATH } from "./lib/seed";

const PAGES = [
  "/",
  "/world",
  "/topic/mexico",
  SEED_PATH,
  `${SEED_PATH}/summary`,
  `${SEED_PATH}#fast`,
  "/fast",
  "/fast/us-pressing-mexico-to-allow-us-forces-to-fight-cartels",
  "/newsletter",
  "/newsletter/confirm?token=abc",
  "/app",
];

for (const path of PAGES) {
  test(`${path} loads with no console error and no CSP violation`, async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toContain("object-src 'none'");
    await page.waitForLoadState("networkidle");
    await page.mouse.wheel(0, 2000); // bring lazy images and islands into play
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
  });
}

test("every response carries the security headers and no X-Powered-By", async ({ request }) => {
  for (const path of [
    "/",
    SEED_PATH,
    "/feed.xml",
    "/og/article/us-pressing-mexico-to-allow-us-forces-to-fight-cartels",
    "/nope",
  ]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("pages are CDN-cacheable and nothing personal is cached", async ({ request }) => {
  for (const path of ["/", SEED_PATH, "/fast", "/feed.xml"]) {
    const cacheControl = (await request.get(path)).headers()["cache-control"] ?? "";
    expect(cacheControl).toMatch(/s-maxage=\d+/);
    expect(cacheControl).toMatch(/stale-while-revalidate=\d+/);
  }
  const confirm = (await request.get("/newsletter/confirm?token=abc")).headers()["cache-control"];
  expect(confirm).toContain("no-store");
});
