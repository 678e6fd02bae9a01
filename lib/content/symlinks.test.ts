import { copyFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadLiveContent, type LiveContent } from "./live";
import { OTHER_PHOTO, saveByRename, story, tempContentDir, titles } from "./live.fixture";
import { isInsideContent } from "./inside";
import { watchContent } from "./watch";

/**
 * One rule for the start-up scan, the watcher and the media route: a file counts only if its real
 * path lies inside a content folder's real path. A link that stays inside still works.
 */

let dir: string;
let outside: string;
let lines: string[];
const log = (line: string) => lines.push(line);
const load = () => loadLiveContent([dir], { strict: false, log });
const media = (live: LiveContent) => [...live.index.media.values()];

beforeEach(() => {
  dir = tempContentDir("dispatch-links-");
  outside = tempContentDir("dispatch-outside-");
  lines = [];
  saveByRename(dir, "world/first.md", story("First"));
  // Outside every content folder: a story and a photo someone links in.
  writeFileSync(path.join(outside, "secret.md"), story("Outside"));
  copyFileSync(OTHER_PHOTO, path.join(outside, "secret.jpg"));
  // Inside: a story kept elsewhere in the folder, linked into a section.
  saveByRename(dir, "drafts-area/kept.txt", story("Linked inside"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("start-up scan", () => {
  it("leaves out a story linked from outside and names it as a problem; a link inside is published", async () => {
    symlinkSync(path.join(outside, "secret.md"), path.join(dir, "world/outside.md"));
    symlinkSync(path.join(dir, "drafts-area/kept.txt"), path.join(dir, "world/inside.md"));
    const live = await load();
    expect(titles(live)).toEqual(["First", "Linked inside"]);
    expect(lines.join("\n")).toMatch(/world\/outside\.md.*outside the content folder/);
  });

  it("leaves out a story whose photo links outside, so no /media URL serves that file", async () => {
    symlinkSync(path.join(outside, "secret.jpg"), path.join(dir, "images/linked.jpg"));
    saveByRename(dir, "world/linked.md", story("Photo linked", "linked.jpg"));
    const live = await load();
    expect(titles(live)).toEqual(["First"]);
    expect(media(live).some((f) => f.endsWith("linked.jpg"))).toBe(false);
    expect(lines.join("\n")).toMatch(/world\/linked\.md.*hero\.src.*outside the content folder/);
  });
});

describe("watcher", () => {
  it("does not publish a story or a photo linked from outside; a control story saved with them is", async () => {
    const live = await load();
    const watcher = watchContent(live, { onChange: () => {}, rescanMs: 0, log });
    try {
      await watcher.ready;
      symlinkSync(path.join(outside, "secret.md"), path.join(dir, "world/outside.md"));
      symlinkSync(path.join(outside, "secret.jpg"), path.join(dir, "images/linked.jpg"));
      saveByRename(dir, "world/linked.md", story("Photo linked", "linked.jpg"));
      symlinkSync(path.join(dir, "drafts-area/kept.txt"), path.join(dir, "world/inside.md"));
      saveByRename(dir, "world/control.md", story("Control"));
      await expect.poll(() => titles(live), { timeout: 3000 }).toContain("Control");
      await watcher.idle();
      expect(titles(live)).toEqual(["Control", "First", "Linked inside"]);
      expect(media(live).some((f) => f.endsWith("linked.jpg"))).toBe(false);
    } finally {
      watcher.close();
    }
  });
});

describe("isInsideContent (the media route's check at serve time)", () => {
  it("accepts a file inside, and a link that stays inside; refuses a link out, a missing file and ..", async () => {
    symlinkSync(path.join(outside, "secret.jpg"), path.join(dir, "images/out.jpg"));
    symlinkSync(path.join(dir, "images/photo.jpg"), path.join(dir, "images/in.jpg"));
    const roots = [dir];
    expect(await isInsideContent(path.join(dir, "images/photo.jpg"), roots)).toBe(true);
    expect(await isInsideContent(path.join(dir, "images/in.jpg"), roots)).toBe(true);
    expect(await isInsideContent(path.join(dir, "images/out.jpg"), roots)).toBe(false);
    expect(await isInsideContent(path.join(dir, "images/none.jpg"), roots)).toBe(false);
    expect(await isInsideContent(path.join(dir, "../", path.basename(outside), "secret.jpg"), roots)).toBe(
      false,
    );
    // A folder that is itself a link (a deploy's content -> releases/42) is judged by its real path.
    const linkedRoot = `${dir}-link`;
    symlinkSync(dir, linkedRoot);
    try {
      expect(await isInsideContent(path.join(linkedRoot, "images/photo.jpg"), [linkedRoot])).toBe(true);
      expect(await isInsideContent(path.join(dir, "images/photo.jpg"), [linkedRoot])).toBe(true);
      expect(await isInsideContent(path.join(linkedRoot, "images/out.jpg"), [linkedRoot])).toBe(false);
    } finally {
      rmSync(linkedRoot);
    }
  });
});
