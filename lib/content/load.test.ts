import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent, MAX_FILE_BYTES } from "./load";
import { renderMarkdown } from "./markdown";
import { ContentError } from "./problems";

const SEED_DIR = path.resolve(import.meta.dirname, "../../content");
const IMAGE = path.join(SEED_DIR, "images/dea-fentanyl-lab.jpg");

function article(title: string, extra = "") {
  return `---
title: ${title}
standfirst: Standfirst.
section: world
published: "2026-01-16T07:41:00+08:00"
source: Agency
hero:
  src: images/a.jpg
  alt: Alt
  caption: Caption.
  credit: Credit
${extra}---

Body.
`;
}

function tempContent(files: Record<string, string | Buffer>, withImage = true): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-content-"));
  if (withImage) {
    mkdirSync(path.join(dir, "images"));
    copyFileSync(IMAGE, path.join(dir, "images/a.jpg"));
  }
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

async function problemsOf(dirs: string[]): Promise<string[]> {
  try {
    await loadContent(dirs);
  } catch (error) {
    if (error instanceof ContentError)
      return error.problems.map((p) => `${p.file}|${p.field ?? ""}|${p.message}`);
    throw error;
  }
  return [];
}

describe("loadContent", () => {
  it("loads the seed article with its image dimensions and every paragraph", async () => {
    const index = await loadContent([SEED_DIR]);
    const seed = index.bySlug.get("us-pressing-mexico-to-allow-us-forces-to-fight-cartels");
    expect(seed?.path).toBe("/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels");
    expect(seed?.source).toBe("Reuters/fs");
    expect(seed?.hero.credit).toBe("AP/Mark Schiefelbein");
    expect(seed?.hero).toMatchObject({ width: 1600, height: 1067 });
    expect(seed?.hero.url).toMatch(/^\/media\/[0-9a-f]{12}\/dea-fentanyl-lab\.jpg$/);
    expect(seed?.body.split("\n\n")).toHaveLength(8);
    expect(seed?.summary?.length).toBeGreaterThanOrEqual(3);
    expect(index.media.get(seed?.hero.url ?? "")).toBe(IMAGE);
  });

  it("sorts newest first and indexes topics by slug", async () => {
    const dir = tempContent({
      "old.md": article("Old", 'topics: ["Drug trafficking"]\n').replace("2026-01-16", "2026-01-10"),
      "new.md": article("New", 'topics: ["Drug Trafficking ", "Mexico"]\n'),
    });
    const index = await loadContent([dir]);
    expect(index.articles.map((a) => a.slug)).toEqual(["new", "old"]);
    expect([...index.topics.keys()]).toEqual(["drug-trafficking", "mexico"]);
  });

  it("lists every problem in every file, with file and field, and publishes nothing", async () => {
    const dir = tempContent({
      "world/good.md": article("Good"),
      "world/no-title.md": article("").replace("title: \n", ""),
      "world/bad-yaml.md": "---\ntitle: [\n---\nBody",
      "world/no-image.md": article("X").replace("images/a.jpg", "images/missing.jpg"),
      "asia/good.md": article("Duplicate slug"),
      "huge.md": article("Huge") + "x".repeat(MAX_FILE_BYTES),
      "binary.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe]),
    });
    const problems = await problemsOf([dir]);
    expect(problems).toEqual(
      expect.arrayContaining([
        "world/no-title.md|title|is required",
        expect.stringMatching(/^world\/bad-yaml.md\|\|front matter is not valid YAML/),
        expect.stringMatching(/^world\/no-image.md\|hero.src\|image file not found: images\/missing.jpg/),
        'world/good.md||has the same slug "good" as asia/good.md',
        expect.stringMatching(/^huge.md\|\|is \d+ bytes; an article file must be at most 1 MB/),
        "binary.md||is not a UTF-8 text file",
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it("rejects a hero that is not an image", async () => {
    const dir = tempContent({ "a.md": article("A") }, false);
    mkdirSync(path.join(dir, "images"));
    writeFileSync(path.join(dir, "images/a.jpg"), "not an image");
    expect(await problemsOf([dir])).toEqual(["a.md|hero.src|images/a.jpg is not a readable image"]);
  });

  it("merges several content folders and finds slugs repeated across them", async () => {
    const a = tempContent({ "one.md": article("One") });
    const b = tempContent({ "two.md": article("Two"), "one.md": article("One again") });
    const problems = await problemsOf([a, b]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/one\.md\|\|has the same slug "one" as .*one\.md$/);
    const index = await loadContent([a, tempContent({ "two.md": article("Two") })]);
    expect(index.articles).toHaveLength(2);
  });

  it("ignores README files and anything under images/", async () => {
    const dir = tempContent({ "README.md": "# Notes", "images/notes.md": "x", "a.md": article("A") });
    expect((await loadContent([dir])).articles.map((a) => a.slug)).toEqual(["a"]);
  });

  it("keeps the seed's sentences word for word, through the loader and the Markdown pipeline", async () => {
    const index = await loadContent([SEED_DIR]);
    const seed = index.bySlug.get("us-pressing-mexico-to-allow-us-forces-to-fight-cartels");
    const sentence =
      "The United States is intensifying pressure on Mexico to allow US military forces to conduct joint operations to dismantle fentanyl labs inside the country, the New York Times reported on Thursday (Jan 15), citing US officials.";
    expect(seed?.body).toContain(`WASHINGTON: ${sentence}`);
    expect(renderMarkdown(seed?.body ?? "", { dateline: seed?.dateline })).toContain(sentence);
    expect(seed?.source).toBe("Reuters/fs");
  });

  it("finds, measures and hashes the body's photos like the hero, and serves them", async () => {
    const body =
      'Body.\n\n![The lab](images/a.jpg "Caption.")\n\n::photo[Second.]{src=images/sub/b.jpg alt=B credit=AP}\n';
    const dir = tempContent({ "a.md": article("A").replace("Body.\n", body) });
    mkdirSync(path.join(dir, "images/sub"));
    copyFileSync(IMAGE, path.join(dir, "images/sub/b.jpg"));
    const index = await loadContent([dir]);
    const photos = index.bySlug.get("a")?.photos ?? [];
    expect(photos.map((p) => [p.src, p.width, p.height])).toEqual([
      ["images/a.jpg", 1600, 1067],
      ["images/sub/b.jpg", 1600, 1067],
    ]);
    expect(photos[1]?.url).toMatch(/^\/media\/[0-9a-f]{12}\/b\.jpg$/);
    expect(index.media.get(photos[1]?.url ?? "")).toBe(path.join(dir, "images/sub/b.jpg"));
  });

  it("names the file and line of each body photo problem", async () => {
    // "Body." is line 14 of the file article() writes; each photo is two lines further down.
    const body = [
      "Body.",
      "",
      "![A missing photo](images/missing.jpg)",
      "",
      "![Outside](images/../a.md.jpg)",
      "",
      "![](images/a.jpg)",
      "",
      "![Elsewhere](../secret.jpg)",
      "",
    ].join("\n");
    const dir = tempContent({ "world/a.md": article("A").replace("Body.\n", body) });
    expect(await problemsOf([dir])).toEqual([
      'world/a.md|body|line 20: photo "images/a.jpg" needs alt text, describing the photo for readers who cannot see it',
      'world/a.md|body|line 22: photo "../secret.jpg" must be a .jpg, .png, .webp or .avif file under images/, e.g. images/lab.jpg',
    ]);
    const found = await problemsOf([
      tempContent({ "world/a.md": article("A").replace("Body.\n", body.split("\n").slice(0, 6).join("\n")) }),
    ]);
    expect(found).toEqual([
      expect.stringMatching(
        /^world\/a.md\|body\|line 16: photo "images\/missing.jpg": image file not found: images\/missing.jpg/,
      ),
      'world/a.md|body|line 18: photo "images/../a.md.jpg": must stay inside the images folder',
    ]);
  });
});
