import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { baseURL } from "../playwright.config";
import { SEED, SEED_PATH } from "./lib/seed";

const SEED_SLUG = "us-pressing-mexico-to-allow-us-forces-to-fight-cartels";

function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false }).parse(xml);
}

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe("link previews and structured data", () => {
  test("an article's head describes it for previews and search", async ({ page }) => {
    await page.goto(SEED_PATH);
    const meta = (p: string) => page.locator(`meta[property="${p}"], meta[name="${p}"]`).first();
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", `${baseURL}${SEED_PATH}`);
    await expect(meta("description")).toHaveAttribute("content", SEED.standfirst);
    await expect(meta("og:type")).toHaveAttribute("content", "article");
    await expect(meta("og:title")).toHaveAttribute("content", SEED.headline);
    await expect(meta("og:url")).toHaveAttribute("content", `${baseURL}${SEED_PATH}`);
    await expect(meta("og:image")).toHaveAttribute("content", `${baseURL}/og/article/${SEED_SLUG}`);
    await expect(meta("og:image:width")).toHaveAttribute("content", "1200");
    await expect(meta("og:image:height")).toHaveAttribute("content", "630");
    await expect(meta("og:image:alt")).toHaveAttribute("content", /fentanyl/);
    await expect(meta("og:site_name")).toHaveAttribute("content", "Dispatch");
    await expect(meta("og:locale")).toHaveAttribute("content", "en_GB");
    await expect(meta("article:published_time")).toHaveAttribute("content", "2026-01-16T07:41:00+08:00");
    await expect(meta("article:section")).toHaveAttribute("content", "World");
    await expect(page.locator('meta[property="article:tag"]')).toHaveCount(5);
    await expect(meta("twitter:card")).toHaveAttribute("content", "summary_large_image");
    await expect(meta("robots")).toHaveAttribute("content", /max-image-preview:large/);
    await expect(page.locator('link[rel=alternate][type="application/rss+xml"]')).toHaveCount(2);

    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const graph = blocks.flatMap((b) => JSON.parse(b));
    const article = graph.find((g: { "@type": string }) => g["@type"] === "NewsArticle");
    expect(article).toMatchObject({
      headline: SEED.headline,
      datePublished: "2026-01-16T07:41:00+08:00",
      articleSection: "World",
    });
    expect(graph.some((g: { "@type": string }) => g["@type"] === "BreadcrumbList")).toBe(true);
  });

  test("hostile text stays inside its script and attributes", async ({ page }) => {
    await page.goto("/tech/fixture-hostile-characters-in-headline");
    const ld = await page.locator('script[type="application/ld+json"]').first().textContent();
    expect(ld).not.toContain("<angle>");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `Ampersands & <angle> "quotes" and 'apostrophes' in a headline`,
    );
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /<angle>/);
  });

  test("Open Graph images are 1200×630 PNGs for articles and FAST cards", async ({ request }) => {
    for (const path of [
      `/og/article/${SEED_SLUG}`,
      `/og/fast/${SEED_SLUG}`,
      "/og/fast/fixture-hostile-characters-in-headline",
    ]) {
      const response = await request.get(path);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    }
  });
});

test.describe("feeds and sitemaps", () => {
  test("the RSS feed parses and lists the stories with their images", async ({ request }) => {
    const response = await request.get("/feed.xml");
    expect(response.headers()["content-type"]).toContain("application/rss+xml");
    const items = parseXml(await response.text()).rss.channel.item;
    const seed = items.find((i: { title: string }) => i.title === SEED.headline);
    expect(seed.link).toBe(`${baseURL}${SEED_PATH}`);
    expect(seed.enclosure["@_type"]).toBe("image/jpeg");
    expect(items.some((i: { title: string }) => i.title.includes("<angle>"))).toBe(true);
  });

  test("section feeds hold only their section", async ({ request }) => {
    const items = parseXml(await (await request.get("/business/feed.xml")).text()).rss.channel.item;
    expect(items.map((i: { link: string }) => new URL(i.link).pathname.split("/")[1])).toEqual([
      "business",
      "business",
    ]);
  });

  test("the sitemap lists articles, sections and topics with lastmod", async ({ request }) => {
    const urls = parseXml(await (await request.get("/sitemap.xml")).text()).urlset.url;
    const seed = urls.find((u: { loc: string }) => u.loc === `${baseURL}${SEED_PATH}`);
    expect(seed.lastmod).toBeTruthy();
    const locs = urls.map((u: { loc: string }) => u.loc);
    expect(locs).toEqual(
      expect.arrayContaining([`${baseURL}/world`, `${baseURL}/topic/mexico`, `${baseURL}/fast`]),
    );
  });

  test("the sitemap's page files are served, and only those that exist", async ({ request }) => {
    const root = parseXml(await (await request.get("/sitemap.xml")).text()).urlset.url;
    const page = await request.get("/sitemaps/0.xml");
    expect(page.headers()["content-type"]).toContain("application/xml");
    expect(parseXml(await page.text()).urlset.url).toEqual(root);
    for (const missing of ["/sitemaps/1.xml", "/sitemaps/x.xml", "/sitemaps/0.xml.bak"]) {
      expect((await request.get(missing)).status(), missing).toBe(404);
    }
  });

  test("the news sitemap and robots.txt are served", async ({ request }) => {
    const news = parseXml(await (await request.get("/news-sitemap.xml")).text());
    expect(news.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
  });
});
