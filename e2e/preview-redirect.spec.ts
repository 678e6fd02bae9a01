import { expect, test } from "@playwright/test";
import { E2E_PREVIEW_SECRET, baseURL } from "../playwright.config";
import { OFFSITE } from "./lib/offsite-paths";

/**
 * Entering and leaving preview redirect to the `path=` a link carries, so a crafted link must never
 * send a browser to another site (an open redirect on the site's own domain, good for phishing).
 * Every form in e2e/lib/offsite-paths.ts, sent to the running server as a link would carry it.
 */
test.skip(({ isMobile }) => isMobile, "the redirect is the server's; one browser is enough");

const routes = {
  exit: (path: string) => `/api/preview/exit?path=${path}`,
  enter: (path: string) => `/api/preview?secret=${E2E_PREVIEW_SECRET}&path=${path}`,
};

/** Where a browser goes with this Location: resolved against the URL it asked for. */
function target(location: string | undefined, from: string) {
  return new URL(location ?? "", new URL(from, "https://news.example"));
}

for (const [name, route] of Object.entries(routes)) {
  test(`${name}: every off-site path= form redirects on this site`, async ({ request }) => {
    const sent = [
      ...OFFSITE.map((p) => route(encodeURIComponent(p))),
      // As the issue quoted them, unencoded in the query.
      ...["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/.%5C/evil.example"].map(route),
    ];
    const offsite: string[] = [];
    for (const url of sent) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(307);
      const location = response.headers()["location"];
      if (target(location, url).origin !== "https://news.example" || !/^\/(?![/\\])/.test(location ?? ""))
        offsite.push(`${url} → ${location}`);
    }
    expect(offsite).toEqual([]);
  });

  test(`${name}: a path on this site is kept, query included`, async ({ request }) => {
    const response = await request.get(route(encodeURIComponent("/world/a/./story?x=1")), {
      maxRedirects: 0,
    });
    expect(response.headers()["location"]).toBe("/world/a/story?x=1");
  });
}

test("a browser that follows a crafted exit link stays on the site", async ({ page }) => {
  for (const path of ["/.//evil.example", "/%2e//evil.example", "/.%5C/evil.example"]) {
    await page.goto(routes.exit(path)).catch(() => undefined);
    expect(new URL(page.url()).origin, path).toBe(baseURL);
  }
});
