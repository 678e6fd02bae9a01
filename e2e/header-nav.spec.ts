import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { SEED_PATH } from "./lib/seed";

/**
 * The header says where the reader is: the current section (or FAST) is marked for the eye and with
 * aria-current, with JavaScript on or off; nothing is marked elsewhere. On a phone the section row
 * that runs off screen shows that it goes on.
 */
const nav = (page: Page) => page.getByRole("navigation", { name: "Sections" });

/** What tells one link apart from the others to the eye. */
async function looks(page: Page) {
  return nav(page)
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((a) => {
        const s = getComputedStyle(a);
        const after = getComputedStyle(a, "::after");
        return {
          name: a.textContent?.trim() ?? "",
          current: a.getAttribute("aria-current"),
          look: [
            s.color,
            s.backgroundColor,
            s.textDecorationLine,
            s.borderBottomWidth,
            s.boxShadow,
            after.content,
            after.backgroundColor,
          ].join(" | "),
        };
      }),
    );
}

const WHERE = [
  { path: "/world", current: "World", value: "page" },
  { path: "/sport", current: "Sport", value: "page" },
  { path: "/fast", current: "FAST", value: "page" },
  { path: SEED_PATH, current: "World", value: "true" },
];

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    for (const w of WHERE) {
      test(`on ${w.path} the header marks ${w.current} as where the reader is`, async ({ page }) => {
        await page.goto(w.path);
        if (js) await page.waitForLoadState("networkidle");
        const links = await looks(page);
        const marked = links.filter((l) => l.current);
        expect(marked).toEqual([expect.objectContaining({ name: w.current, current: w.value })]);
        const others = links.filter((l) => !l.current);
        // The marked link looks unlike every other, and the others all look alike.
        for (const o of others) expect(o.look, o.name).not.toBe(marked[0]?.look);
        expect(new Set(others.map((o) => o.look)).size).toBe(1);
      });
    }

    test("on the front page no section is marked, and FAST looks like the others", async ({ page }) => {
      await page.goto("/");
      const links = await looks(page);
      expect(links.filter((l) => l.current)).toEqual([]);
      expect(new Set(links.map((l) => l.look)).size).toBe(1);
    });
  });
}

test.describe("the section row on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test("runs off screen with a fade at its edge; Sport is reachable and clear of the fade", async ({
    page,
  }) => {
    await page.goto("/world");
    await page.waitForLoadState("networkidle");
    const row = nav(page);
    const state = () =>
      row.evaluate((el) => ({
        overflows: el.scrollWidth > el.clientWidth + 1,
        mask: getComputedStyle(el).maskImage,
        right: el.getBoundingClientRect().right,
      }));
    const before = await state();
    expect(before.overflows).toBe(true);
    expect(before.mask).toContain("linear-gradient");
    // The reader swipes the row to its end: Sport is whole and out of the faded edge.
    await row.evaluate((el) => el.scrollBy({ left: el.scrollWidth, behavior: "instant" }));
    const sport = await row.getByRole("link", { name: "Sport" }).boundingBox();
    expect(sport).not.toBeNull();
    expect((sport?.x ?? 0) + (sport?.width ?? 0)).toBeLessThanOrEqual(before.right - 24);
  });
});

test("at 1280 px the row fits and has no fade", async ({ page, isMobile }) => {
  test.skip(isMobile, "desktop width");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/world");
  const m = await nav(page).evaluate((el) => ({
    overflows: el.scrollWidth > el.clientWidth + 1,
    mask: getComputedStyle(el).maskImage,
  }));
  expect(m).toEqual({ overflows: false, mask: "none" });
});

test("screenshots of the header for the issue (SHOTS=before|after)", async ({ page, isMobile }) => {
  const tag = process.env.SHOTS;
  test.skip(!tag, "only when asked");
  mkdirSync("/work/shots", { recursive: true });
  const size = isMobile ? { width: 360, height: 640 } : { width: 1280, height: 800 };
  await page.setViewportSize(size);
  await page.goto("/world");
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/work/shots/item8-${tag}-${size.width}x${size.height}.png` });
});
