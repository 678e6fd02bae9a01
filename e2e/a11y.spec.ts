import { test } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { SEED_PATH } from "./lib/seed";

const PAGES = {
  home: "/",
  section: "/world",
  "long headline":
    "/sport/fixture-underdogs-win-cup-final-after-extraordinary-comeback-in-extra-time-and-penalties-at-packed-national-stadium",
  topic: "/topic/mexico",
  article: SEED_PATH,
  "every body block": "/world/fixture-every-body-block",
  "not found": "/world/no-such-story",
  "search results": "/search?q=the&sort=newest",
  "search, nothing found": "/search?q=zzyzxqvbn",
};

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }
  });
}
