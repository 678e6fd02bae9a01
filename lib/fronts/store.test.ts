import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { checkFronts } from "./check";
import { frontFileChanged, getFront, rescanFronts, takeChangedFronts, warnSkipped } from "./store";

function folder() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-fronts-"));
  mkdirSync(path.join(dir, "fronts"));
  return dir;
}
const write = (dir: string, name: string, text: string) =>
  writeFileSync(path.join(dir, "fronts", name), text);

describe("getFront", () => {
  it("reads a front, keeps it until the file changes, and takes the first folder that has it", async () => {
    const a = folder();
    const b = folder();
    write(b, "home.md", "---\nlead: world/from-b\n---\n");
    expect((await getFront("home", [a, b]))?.lead?.slug).toBe("from-b");
    write(a, "home.md", "---\nlead: world/from-a\n---\n");
    expect((await getFront("home", [a, b]))?.lead?.slug).toBe("from-a");
    write(a, "home.md", "---\nlead: world/edited\n---\n");
    utimesSync(path.join(a, "fronts/home.md"), new Date(), new Date(Date.now() + 5_000));
    expect((await getFront("home", [a, b]))?.lead?.slug).toBe("edited");
    expect(await getFront("world", [a, b])).toBeUndefined();
  });

  it("logs a broken front once (with its file and line) and answers as if it had none", async () => {
    const dir = folder();
    write(dir, "asia.md", "---\nlead: asia/one\ntop: [nope]\n---\n");
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    expect(await getFront("asia", [dir], log)).toBeUndefined();
    expect(await getFront("asia", [dir], log)).toBeUndefined();
    expect(lines).toEqual([
      expect.stringMatching(/^fronts: fronts\/asia\.md:3: top\[1\]: must be a story named/),
    ]);
  });

  it("refuses a link (it could lead out of the content folder), with a line in the log", async () => {
    const dir = folder();
    const outside = mkdtempSync(path.join(os.tmpdir(), "dispatch-outside-"));
    writeFileSync(path.join(outside, "secret.md"), "---\nlead: world/x\n---\n");
    symlinkSync(path.join(outside, "secret.md"), path.join(dir, "fronts", "home.md"));
    const lines: string[] = [];
    expect(await getFront("home", [dir], (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual([expect.stringContaining("fronts/home.md: is a link")]);
  });

  it("refuses a fronts folder that is a link out of the content folder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-fronts-"));
    const outside = mkdtempSync(path.join(os.tmpdir(), "dispatch-outside-"));
    writeFileSync(path.join(outside, "business.md"), "---\nlead: business/from-outside\n---\n");
    symlinkSync(outside, path.join(dir, "fronts"));
    const lines: string[] = [];
    expect(await getFront("business", [dir], (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual([expect.stringContaining("is a link")]);
  });

  it("refuses a file far larger than a front", async () => {
    const dir = folder();
    write(dir, "tech.md", `---\n---\n${"x".repeat(70_000)}`);
    const lines: string[] = [];
    expect(await getFront("tech", [dir], (l) => lines.push(l))).toBeUndefined();
    expect(lines[0]).toContain("larger than 64 KiB");
  });

  it("warns once per skipped slot", () => {
    const lines: string[] = [];
    const slot = { file: "fronts/home.md", line: 2, name: "world/gone", reason: "is not a public story" };
    warnSkipped([slot, slot], (l) => lines.push(l));
    warnSkipped([slot], (l) => lines.push(l));
    expect(lines).toEqual([
      "fronts: fronts/home.md:2: world/gone is not a public story; the slot shows the next newest story",
    ]);
  });
});

describe("changed fronts", () => {
  it("marks a front changed by its file's event or by the rescan, for the next refresh", async () => {
    takeChangedFronts();
    expect(frontFileChanged("world/story.md")).toBe(false);
    expect(frontFileChanged("fronts/world.md")).toBe(true);
    expect(frontFileChanged("fronts/notes.txt")).toBe(false);
    expect(frontFileChanged("fronts/.home.md.swp")).toBe(false);
    expect(takeChangedFronts()).toEqual(["world"]);
    // The folder created with its first front (the watch names only the folder).
    expect(frontFileChanged("fronts")).toBe(true);
    expect(takeChangedFronts()).toEqual(["home", "world", "asia", "business", "tech", "sport"]);
    const dir = folder();
    expect(await rescanFronts(["home", "sport"], [dir])).toEqual([]);
    write(dir, "sport.md", "---\n---\n");
    expect(await rescanFronts(["home", "sport"], [dir])).toEqual(["sport"]);
    expect(takeChangedFronts()).toEqual(["sport"]);
    expect(await rescanFronts(["home", "sport"], [dir])).toEqual([]);
  });
});

describe("checkFronts (content:check)", () => {
  it("reports stories that do not exist, sit in another section or are not public, and stray files", async () => {
    const dir = folder();
    write(
      dir,
      "home.md",
      "---\nlead: world/live-one\ntop:\n  - world/nothing\n  - asia/live-one\n  - world/tomorrow\n  - world/live-one\n---\n",
    );
    write(dir, "wrold.md", "---\n---\n");
    const now = Date.parse("2026-12-04T10:00:00Z");
    const stories = [
      makeArticle({ slug: "live-one" }),
      makeArticle({ slug: "tomorrow", published: "2026-12-05T10:00:00+00:00" }),
    ];
    const { fronts, problems } = await checkFronts(
      ["home", "world"],
      [dir],
      new Map(stories.map((a) => [a.slug, a])),
      now,
    );
    expect(fronts).toBe(1);
    expect(
      problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ""} ${p.field ?? ""} ${p.message}`),
    ).toEqual([
      "fronts/wrold.md  is not a front: fronts are home.md, world.md (did you mean world.md?)",
      "fronts/home.md:4 top[1] world/nothing is not a story",
      "fronts/home.md:5 top[2] asia/live-one: that story is in world, not asia",
      "fronts/home.md:6 top[3] world/tomorrow is not public now (scheduled for 2026-12-05T10:00:00+00:00): the page skips it until it is",
      "fronts/home.md:7 top[4] world/live-one is named twice on this front",
    ]);
  });
});
