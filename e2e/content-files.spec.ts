import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_LIVE_DIR } from "../playwright.config";
import { clearLiveContent, newStory, publishStory, saveFile, storyText } from "./lib/publish";

/**
 * Content files as they reach a running production server: saved the ways editors' tools and sync
 * tools save them, and links that lead out of the content folders (hardening issue 20, items 6, 10).
 */

test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "content files are the server's; one browser is enough");
test.afterEach(async ({ request }) => clearLiveContent(request));

/** Within the ~1 s promised, plus a render: deletions must not wait for the 60 s rescan. */
const SOON = { timeout: 3_000, intervals: [100] };

async function statusOf(request: APIRequestContext, url: string) {
  return (await request.get(url, { maxRedirects: 0 })).status();
}

async function textOf(request: APIRequestContext, url: string) {
  return (await request.get(url)).text();
}

test("a story saved by rename over, twice, then deleted answers 404 within 3 s", async ({ request }) => {
  const s = newStory();
  publishStory(s);
  const url = `/world/${s.slug}`;
  await expect.poll(() => statusOf(request, url), { timeout: 10_000 }).toBe(200);
  saveFile(`world/${s.slug}.md`, storyText({ ...s, body: "Saved a second time." }));
  await expect.poll(() => textOf(request, url), SOON).toContain("Saved a second time.");
  saveFile(`world/${s.slug}.md`, storyText({ ...s, body: "Saved a third time." }));
  await expect.poll(() => textOf(request, url), SOON).toContain("Saved a third time.");
  unlinkSync(path.join(E2E_LIVE_DIR, "world", `${s.slug}.md`));
  // Deleted while public: gone for good (410).
  await expect.poll(() => statusOf(request, url), SOON).toBe(410);
});

test("a story in a folder of its own: created, renamed over twice, its folder deleted", async ({
  request,
}) => {
  const s = newStory();
  publishStory(s);
  // A story folder holds `{slug}/{slug}.md` (or `{slug}/index.md`, as live stories do).
  rmSync(path.join(E2E_LIVE_DIR, "world", `${s.slug}.md`));
  const file = `world/${s.slug}/${s.slug}.md`;
  const url = `/world/${s.slug}`;
  saveFile(file, storyText(s));
  await expect.poll(() => statusOf(request, url), { timeout: 10_000 }).toBe(200);
  saveFile(file, storyText({ ...s, body: "Update one." }));
  await expect.poll(() => textOf(request, url), SOON).toContain("Update one.");
  saveFile(file, storyText({ ...s, body: "Update two." }));
  await expect.poll(() => textOf(request, url), SOON).toContain("Update two.");
  rmSync(path.join(E2E_LIVE_DIR, "world", s.slug), { recursive: true });
  // Deleted while public: gone for good (410).
  await expect.poll(() => statusOf(request, url), SOON).toBe(410);
});

test.describe("links out of the content folders", () => {
  let outside = "";
  let secret: Buffer;
  test.beforeEach(() => {
    outside = mkdtempSync(path.join(tmpdir(), "dispatch-e2e-outside-"));
    // Any file on the machine the server can read; a photo here so that it would pass validation.
    copyFileSync(path.resolve("e2e/fixtures/content/images/harbour.jpg"), path.join(outside, "secret.jpg"));
    secret = readFileSync(path.join(outside, "secret.jpg"));
  });
  test.afterEach(() => {
    if (outside) rmSync(outside, { recursive: true, force: true });
  });

  const mediaUrl = (slug: string) =>
    `/media/${createHash("sha256").update(secret).digest("hex").slice(0, 12)}/${slug}.jpg`;

  test("a new story whose photo links outside is not published, and the file is not served", async ({
    request,
  }) => {
    const linked = newStory();
    const control = newStory();
    mkdirSync(path.join(E2E_LIVE_DIR, "images"), { recursive: true });
    symlinkSync(path.join(outside, "secret.jpg"), path.join(E2E_LIVE_DIR, "images", `${linked.slug}.jpg`));
    saveFile(`world/${linked.slug}.md`, storyText(linked));
    publishStory(control);
    await expect.poll(() => statusOf(request, `/world/${control.slug}`), { timeout: 10_000 }).toBe(200);
    expect(await statusOf(request, `/world/${linked.slug}`)).toBe(404);
    expect(await statusOf(request, mediaUrl(linked.slug))).toBe(404);
  });

  test("a published photo swapped for a link outside stops being served, under any URL", async ({
    request,
  }) => {
    const s = newStory();
    const before = publishStory(s);
    await expect.poll(() => statusOf(request, before), { timeout: 10_000 }).toBe(200);
    const photo = path.join(E2E_LIVE_DIR, "images", `${s.slug}.jpg`);
    rmSync(photo);
    symlinkSync(path.join(outside, "secret.jpg"), photo);
    // Give the watcher its second and a render; then nothing the site links to may be the file.
    await new Promise((r) => setTimeout(r, 2_000));
    const page = await textOf(request, `/world/${s.slug}`);
    const urls = new Set([
      before,
      mediaUrl(s.slug),
      ...(page.match(/\/media\/[0-9a-f]{12}\/[\w.-]+/g) ?? []),
    ]);
    for (const url of urls) {
      const response = await request.get(url);
      expect(Buffer.compare(await response.body(), secret), url).not.toBe(0);
    }
    expect(await statusOf(request, before)).toBe(404);
  });
});
