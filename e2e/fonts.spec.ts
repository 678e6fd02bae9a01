import { expect, test, type CDPSession, type Page } from "@playwright/test";

/**
 * A reader on a slow connection: the page paints before the web fonts arrive (they are
 * `display: optional`), and must then stay as painted. Before the fix the font families were named
 * "sans" and "serif" (next/font names them after the export), Chromium swapped the headline to another
 * face when the files landed ~0.4 s after the first paint, and everything below it moved (Lighthouse
 * with applied throttling: CLS 0.048 on the article).
 */
const ARTICLE = "/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels";

/** Lighthouse's mobile network profile, applied for real: 1.6 Mbps down, 562.5 ms per request. */
async function slowNetwork(cdp: CDPSession) {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
}

async function headlineFonts(cdp: CDPSession): Promise<string> {
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  return fonts.map((f) => f.familyName).join(", ");
}

async function layoutShifts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          // LayoutShift entries carry `value`; TypeScript's DOM library has no type for them.
          resolve(
            list
              .getEntries()
              .reduce((sum, e) => sum + ("value" in e && typeof e.value === "number" ? e.value : 0), 0),
          );
        }).observe({ type: "layout-shift", buffered: true });
        // No entries at all: the observer never calls back.
        setTimeout(() => resolve(0), 500);
      }),
  );
}

test("on a slow connection the article keeps the fonts it was first painted with: nothing moves when the font files land", async ({
  page,
}) => {
  const cdp = await page.context().newCDPSession(page);
  await slowNetwork(cdp);
  const fontFiles = Promise.all(
    ["inter_latin", "source_serif_4_latin"].map((name) =>
      page.waitForResponse((r) => r.url().includes(name)).then((r) => r.finished()),
    ),
  );
  let fontsLanded = false;
  void fontFiles.then(() => (fontsLanded = true));
  await page.goto(ARTICLE, { waitUntil: "commit" });
  const headline = page.getByRole("heading", { level: 1 });
  // What the reader first sees: the first contentful paint (the stylesheet applied), fonts still on the way.
  await page.waitForFunction(
    () => performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint"),
    undefined,
    { timeout: 15_000, polling: 50 },
  );
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const paintedWith = await headlineFonts(cdp);
  const box = await headline.boundingBox();
  expect(fontsLanded, "the font files are still on their way at the first paint").toBe(false);

  await fontFiles;
  await page.waitForLoadState("load");
  // Give the renderer frames to apply whatever the font files changed.
  await page.waitForTimeout(300);

  expect(await headlineFonts(cdp)).toBe(paintedWith);
  expect(await headline.boundingBox()).toEqual(box);
  expect(await layoutShifts(page)).toBe(0);
});

/** The preload tags for the two web fonts in a page's HTML, by file. */
function fontPreloads(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*\bas="font"[^>]*>/g)].map(
    (m) => /\bhref="([^"]+)"/.exec(m[0])?.[1] ?? "",
  );
}

const PAGE_TYPES = [
  "/",
  "/world",
  ARTICLE,
  `${ARTICLE}/summary`,
  "/fast",
  "/topic/mexico",
  "/newsletter",
  "/newsletter/confirm",
  "/newsletter/unsubscribe",
  "/search",
  "/search?q=harbour",
  "/search?q=zzzqqq",
  "/no-such-page",
  "/world/no-such-story",
  "/topic/no-such-topic",
];

test("every page type asks for both web fonts in its first HTML, once each, so a first visit paints in them", async ({
  request,
}) => {
  let files: string[] | undefined;
  for (const path of PAGE_TYPES) {
    const html = await (await request.get(path)).text();
    const preloads = fontPreloads(html);
    expect(preloads, `${path}: two font preloads`).toHaveLength(2);
    expect(new Set(preloads).size, `${path}: no font preloaded twice`).toBe(2);
    // The same two files everywhere (the ones the stylesheet's @font-face rules name).
    files ??= preloads.toSorted();
    expect(preloads.toSorted(), path).toEqual(files);
  }
  expect(files?.some((f) => f.includes("inter"))).toBe(true);
  expect(files?.some((f) => f.includes("source_serif"))).toBe(true);
});

test("a first visit to the 404 and search pages paints the headline in the web font", async ({ browser }) => {
  for (const path of ["/no-such-page", "/search?q=harbour"]) {
    // A fresh context each time: a cold cache, as a first visit has.
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(path);
    await page.waitForLoadState("load");
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    expect(await headlineFonts(cdp), path).toMatch(/Source Serif|Inter/);
    await context.close();
  }
});
