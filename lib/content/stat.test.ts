import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMarkdownFiles } from "./load";
import { statContent } from "./stat";

let dir: string;

function put(file: string, text = "x") {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dispatch-stat-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("statContent (the rescan's walk, on a worker thread)", () => {
  it("lists exactly the files the loader lists, with their sizes and times", async () => {
    put("world/a.md", "12345");
    put("world/b.MD");
    put("world/README.md");
    put("world/.hidden.md");
    put("world/notes.txt");
    put("images/stray.md");
    put("world/two\nlines.md", "1234567");
    put("asia/live/index.md");
    put("asia/live/updates/0900.md");
    symlinkSync(path.join(dir, "world/a.md"), path.join(dir, "world/linked.md"));
    symlinkSync(path.join(dir, "nowhere.md"), path.join(dir, "world/dangling.md"));
    utimesSync(path.join(dir, "world/a.md"), new Date(1_000_000), new Date(2_000_000));

    const stats = await statContent([dir], []);
    const [listing] = stats.folders;
    if (!listing?.ok) throw new Error("the folder was not listed");
    expect(listing.files).toEqual(await listMarkdownFiles(dir));
    const at = (file: string) => listing.files.indexOf(file);
    expect(listing.sizes[at("world/a.md")]).toBe(5);
    // A newline is a legal character in a file name.
    expect(listing.sizes[at("world/two\nlines.md")]).toBe(7);
    expect(listing.mtimes[at("world/a.md")]).toBe(2_000_000);
    // A link is stat'ed through, as the loader reads it; a dangling one is listed but has no stats.
    expect(listing.sizes[at("world/linked.md")]).toBe(5);
    expect(listing.mtimes[at("world/dangling.md")]).toBeNaN();
  });

  it("answers each folder on its own: one that cannot be listed is an error, the others are listed", async () => {
    put("world/a.md");
    const missing = path.join(dir, "not-there");
    const stats = await statContent([missing, dir], []);
    expect(stats.folders[0]).toMatchObject({ ok: false, error: expect.stringContaining("ENOENT") });
    expect(stats.folders[1]).toMatchObject({ ok: true, files: ["world/a.md"] });
  });

  it("gives each image's modification time, -1 for one that is gone", async () => {
    put("images/a.jpg");
    utimesSync(path.join(dir, "images/a.jpg"), new Date(1_000_000), new Date(3_000_000));
    const stats = await statContent(
      [dir],
      [path.join(dir, "images/a.jpg"), path.join(dir, "images/gone.jpg")],
    );
    expect([...stats.imageTimes]).toEqual([3_000_000, -1]);
  });

  it("rejects, and starts a fresh thread next time, when the thread cannot run", async () => {
    const broken = path.join(dir, "broken-worker.mjs");
    writeFileSync(broken, "throw new Error('boom');\n");
    await expect(statContent([dir], [], broken)).rejects.toThrow(/stat thread/);
    put("world/a.md");
    // The real worker is unaffected by the broken one.
    const stats = await statContent([dir], []);
    expect(stats.folders[0]).toMatchObject({ ok: true, files: ["world/a.md"] });
  });
});
