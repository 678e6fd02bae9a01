import { expect, test, type APIRequestContext } from "@playwright/test";
import { clearLiveContent, isoFromNow, newStory, publishStory, saveFile, storyText } from "./lib/publish";

/**
 * A change refreshes the pages it touches and no others (lib/content/touched.ts, ADR 0011). A story
 * elsewhere in the site stays in the page cache (x-nextjs-cache: HIT) while a story is corrected;
 * every listing that shows the story, and a story whose "Also worth reading" shows it, follow a new
 * headline.
 */

test.describe.configure({ mode: "serial" });
test.skip(({ isMobile }) => isMobile, "the page cache is the server's; one browser is enough");
test.afterEach(async ({ request }) => clearLiveContent(request));

/** A fixture story in another section, sharing no topic with the stories published here. */
const ELSEWHERE = "/asia/fixture-rail-line-opens";

async function cacheState(request: APIRequestContext, path: string) {
  return (await request.get(path)).headers()["x-nextjs-cache"];
}

async function html(request: APIRequestContext, path: string) {
  return (await request.get(path)).text();
}

test("a correction to one story leaves another story's page in the cache", async ({ request }) => {
  const s = newStory();
  publishStory(s);
  await expect
    .poll(async () => (await request.get(`/world/${s.slug}`)).status(), { timeout: 10_000 })
    .toBe(200);
  // Settled: the publish's refresh is done once the page answers from the cache twice.
  await expect.poll(() => cacheState(request, ELSEWHERE), { timeout: 10_000 }).toBe("HIT");
  await expect.poll(() => cacheState(request, `/world/${s.slug}`), { timeout: 10_000 }).toBe("HIT");

  saveFile(
    `world/${s.slug}.md`,
    storyText({
      ...s,
      body: "The text of the story, corrected.",
      corrections: [{ date: isoFromNow(-1000), text: "An earlier version gave the wrong date." }],
    }),
  );
  await expect.poll(() => html(request, `/world/${s.slug}`), { timeout: 10_000 }).toContain("the wrong date");
  expect(await cacheState(request, ELSEWHERE)).toBe("HIT");
  expect(await cacheState(request, ELSEWHERE)).toBe("HIT");
});

test("a new headline reaches every listing that shows the story, and the related list of another", async ({
  request,
}) => {
  const s = newStory();
  const neighbour = newStory({ topic: s.topic });
  publishStory(s);
  publishStory(neighbour);
  const page = `/world/${neighbour.slug}`;
  const related = async () => {
    const text = await html(request, page);
    return text.slice(text.indexOf("Also worth reading"));
  };
  await expect.poll(related, { timeout: 10_000 }).toContain(s.title);

  const title = `${s.title}, retitled`;
  saveFile(`world/${s.slug}.md`, storyText({ ...s, title }));
  const topic = `/topic/${s.topic.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  for (const path of ["/", "/world", topic, "/fast", "/feed.xml", "/world/feed.xml", "/news-sitemap.xml"]) {
    await expect.poll(() => html(request, path), { message: path, timeout: 10_000 }).toContain(title);
  }
  await expect.poll(related, { timeout: 10_000 }).toContain(title);
  expect(await html(request, `/fast/${s.slug}`)).toContain(title);
});

test("a story's 'Read also' card follows the story it names: a new headline reaches it", async ({
  request,
}) => {
  const named = newStory();
  const naming = newStory();
  publishStory(named);
  publishStory({ ...naming, body: `The text.\n\n::related{story=world/${named.slug}}\n\nMore text.` });
  const card = async () => {
    const text = await html(request, `/world/${naming.slug}`);
    const at = text.indexOf('aria-label="Read also"');
    return at < 0 ? "" : text.slice(at, at + 2_000);
  };
  await expect.poll(card, { timeout: 10_000 }).toContain(named.title);
  const title = `${named.title}, retitled`;
  saveFile(`world/${named.slug}.md`, storyText({ ...named, title }));
  await expect.poll(card, { timeout: 10_000 }).toContain(title);
});

test("a front's change refreshes its own page (and home) only: stories and other sections stay cached", async ({
  request,
}) => {
  const s = newStory({ title: "A story the world desk pins" });
  publishStory(s);
  await expect
    .poll(async () => (await request.get(`/world/${s.slug}`)).status(), { timeout: 10_000 })
    .toBe(200);
  // Settled: every page below answers from the cache.
  for (const path of [ELSEWHERE, "/asia", "/business", `/world/${s.slug}`])
    await expect.poll(() => cacheState(request, path), { message: path, timeout: 10_000 }).toBe("HIT");

  saveFile("fronts/world.md", `---\nlead: world/fixture-leaders-meet-for-climate-summit\n---\n`);
  await expect
    .poll(
      async () => {
        const text = await html(request, "/world");
        return text.indexOf("Leaders meet for climate") < text.indexOf(s.title);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  for (const path of [ELSEWHERE, "/asia", "/business", `/world/${s.slug}`])
    expect(await cacheState(request, path), path).toBe("HIT");
});
