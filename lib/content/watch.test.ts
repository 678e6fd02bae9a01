import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadLiveContent, type LiveContent } from "./live";
import { saveByRename, story, tempContentDir, titles } from "./live.fixture";
import { watchContent, type ContentWatcher } from "./watch";

/**
 * The watcher against real files, saved the ways editors' tools and sync tools save them. The rescan
 * is off: every change here must arrive by a file event, within the ~1 s readers are promised.
 */

const SOON = { timeout: 2_000, interval: 50 };

let dir: string;
let live: LiveContent;
let watcher: ContentWatcher;
const lines: string[] = [];

beforeEach(async () => {
  dir = tempContentDir("dispatch-watch-");
  saveByRename(dir, "world/first.md", story("First"));
  live = await loadLiveContent([dir], { strict: false, log: (l) => lines.push(l) });
  watcher = watchContent(live, { onChange: () => {}, rescanMs: 0, log: (l) => lines.push(l) });
  // Watches are placed as the folders are walked; let that finish.
  await watcher.ready;
});
afterEach(() => {
  watcher.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("watchContent: every save pattern reaches readers by file events alone", () => {
  it("a story saved by rename over, saved so again, then deleted, is gone within 2 s", async () => {
    saveByRename(dir, "world/story.md", story("Story"));
    await expect.poll(() => titles(live), SOON).toContain("Story");
    saveByRename(dir, "world/story.md", story("Story, corrected"));
    await expect.poll(() => titles(live), SOON).toContain("Story, corrected");
    saveByRename(dir, "world/story.md", story("Story, corrected again"));
    await expect.poll(() => titles(live), SOON).toContain("Story, corrected again");
    unlinkSync(path.join(dir, "world/story.md"));
    await expect.poll(() => titles(live), SOON).toEqual(["First"]);
  });

  it("a story saved in place, then deleted, is gone within 2 s", async () => {
    writeFileSync(path.join(dir, "world/story.md"), story("Story"));
    await expect.poll(() => titles(live), SOON).toContain("Story");
    writeFileSync(path.join(dir, "world/story.md"), story("Story, corrected"));
    await expect.poll(() => titles(live), SOON).toContain("Story, corrected");
    unlinkSync(path.join(dir, "world/story.md"));
    await expect.poll(() => titles(live), SOON).toEqual(["First"]);
  });

  it("a story in its own folder: created, renamed over twice, its folder deleted", async () => {
    saveByRename(dir, "world/live-blog/index.md", story("Live"));
    await expect.poll(() => titles(live), SOON).toContain("Live");
    saveByRename(dir, "world/live-blog/index.md", story("Live, update 1"));
    await expect.poll(() => titles(live), SOON).toContain("Live, update 1");
    saveByRename(dir, "world/live-blog/index.md", story("Live, update 2"));
    await expect.poll(() => titles(live), SOON).toContain("Live, update 2");
    rmSync(path.join(dir, "world/live-blog"), { recursive: true });
    await expect.poll(() => titles(live), SOON).toEqual(["First"]);
  });

  it("a story in its own folder: renamed over twice, then only its file deleted", async () => {
    saveByRename(dir, "world/live-blog/index.md", story("Live"));
    saveByRename(dir, "world/live-blog/index.md", story("Live, update 1"));
    await expect.poll(() => titles(live), SOON).toContain("Live, update 1");
    saveByRename(dir, "world/live-blog/index.md", story("Live, update 2"));
    await expect.poll(() => titles(live), SOON).toContain("Live, update 2");
    unlinkSync(path.join(dir, "world/live-blog/index.md"));
    await expect.poll(() => titles(live), SOON).toEqual(["First"]);
  });

  it("a new section folder with a story written into it at once, then another story in it", async () => {
    mkdirSync(path.join(dir, "sport/match"), { recursive: true });
    writeFileSync(path.join(dir, "sport/match/index.md"), story("Match"));
    await expect.poll(() => titles(live), SOON).toContain("Match");
    saveByRename(dir, "sport/other.md", story("Other"));
    await expect.poll(() => titles(live), SOON).toContain("Other");
    saveByRename(dir, "sport/match/index.md", story("Match, again"));
    await expect.poll(() => titles(live), SOON).toContain("Match, again");
    rmSync(path.join(dir, "sport"), { recursive: true });
    await expect.poll(() => titles(live), SOON).toEqual(["First"]);
  });

  it("a story folder renamed into place whole (as sync tools do), corrected, then renamed away", async () => {
    const staging = mkdtempSync(path.join(dir, ".staging-"));
    const away = mkdtempSync(path.join(tmpdir(), "dispatch-away-"));
    try {
      mkdirSync(path.join(staging, "synced"));
      writeFileSync(path.join(staging, "synced/index.md"), story("Synced"));
      renameSync(path.join(staging, "synced"), path.join(dir, "world/synced"));
      await expect.poll(() => titles(live), SOON).toContain("Synced");
      saveByRename(dir, "world/synced/index.md", story("Synced, corrected"));
      await expect.poll(() => titles(live), SOON).toContain("Synced, corrected");
      renameSync(path.join(dir, "world/synced"), path.join(away, "synced"));
      await expect.poll(() => titles(live), SOON).toEqual(["First"]);
    } finally {
      rmSync(staging, { recursive: true, force: true });
      rmSync(away, { recursive: true, force: true });
    }
  });
  it("a section folder deleted and made again, over and over: each new story in it still arrives", async () => {
    // As the e2e helpers clear their folder between tests: the old folder's watch ends (and may report
    // an error) after the new folder's watch is placed, and must not take the new one with it.
    for (let round = 0; round < 25; round += 1) {
      rmSync(path.join(dir, "world"), { recursive: true, force: true });
      if (round % 5 === 4) await new Promise((r) => setTimeout(r, 30));
      saveByRename(dir, `world/round-${round}.md`, story(`Round ${round}`));
      await expect.poll(() => titles(live), SOON).toEqual([`Round ${round}`]);
    }
  }, 60_000);
});

describe("watchContent: the editors' fronts are not stories", () => {
  it("a front's folder and files go to onFront, and are never read as stories", async () => {
    watcher.close();
    const fronts: string[] = [];
    watcher = watchContent(live, {
      onChange: () => {},
      onFront: (f) => fronts.push(f),
      rescanMs: 0,
      log: (l) => lines.push(l),
    });
    await watcher.ready;
    lines.length = 0;
    saveByRename(dir, "fronts/home.md", "---\nlead: world/first\n---\n");
    await expect.poll(() => fronts.length, SOON).toBeGreaterThan(0);
    saveByRename(dir, "fronts/world.md", "---\ntop: [world/first]\n---\n");
    await expect.poll(() => fronts, SOON).toContain("fronts/world.md");
    saveByRename(dir, "world/second.md", story("Second"));
    await expect.poll(() => titles(live), SOON).toContain("Second");
    expect(fronts.every((f) => f === "fronts" || f.startsWith("fronts/"))).toBe(true);
    expect(lines.filter((l) => l.includes("fronts/"))).toEqual([]);
    expect(titles(live)).toEqual(expect.arrayContaining(["First", "Second"]));
    expect(titles(live)).toHaveLength(2);
  });
});

describe("watchContent: work is announced as it comes", () => {
  it("onEvent is called at a story's first file event, before the debounce and the re-read", async () => {
    watcher.close();
    const seen: string[] = [];
    watcher = watchContent(live, {
      onChange: () => void seen.push("changed"),
      onEvent: () => void seen.push(`event (${titles(live).length} stories)`),
      onFront: () => undefined,
      rescanMs: 0,
      log: (l) => lines.push(l),
    });
    await watcher.ready;
    // A front's file is not a story's, nor an editor's swap file or notes: no event.
    saveByRename(dir, "fronts/home.md", "---\nlead: world/first\n---\n");
    writeFileSync(path.join(dir, "world/.second.md.swp"), "swap");
    writeFileSync(path.join(dir, "world/notes.txt"), "notes");
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([]);
    saveByRename(dir, "world/second.md", story("Second"));
    await expect.poll(() => seen.includes("changed"), SOON).toBe(true);
    // Announced while the index still had one story.
    expect(seen[0]).toBe("event (1 stories)");
    expect(seen.indexOf("changed")).toBeGreaterThan(0);
  });
});
