import {
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadLiveContent, type LiveContent } from "./live";
import { OTHER_PHOTO, saveByRename, story, tempContentDir, titles } from "./live.fixture";

/**
 * A start-up takes from the snapshot only what is exactly as it was read: these tests alter the
 * snapshot itself (a headline's letters, same length) to see which stories came from it.
 */

let dir: string;
let file: string;
let lines: string[];
const log = (line: string) => lines.push(line);
const load = () => loadLiveContent([dir], { strict: false, log, snapshot: file });

/** Loads, and waits until the snapshot it writes is in place. */
async function loadAndStore(): Promise<LiveContent> {
  const before = existsSync(file) ? statSync(file).mtimeMs : undefined;
  const live = await load();
  await vi.waitFor(() => expect(existsSync(file) && statSync(file).mtimeMs !== before).toBe(true));
  return live;
}

/** Alters the snapshot's text, and (unless told not to) its closing checksum to match. */
function alterSnapshot(from: string, to: string, { checksum = true } = {}) {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, checksum ? resealed(text.replaceAll(from, to)) : text.replaceAll(from, to));
}

function resealed(text: string): string {
  const lines = text.split("\n").slice(0, -2);
  const body = lines.map((l) => `${l}\n`).join("");
  const sha256 = createHash("sha256").update(body).digest("hex");
  return `${body}${JSON.stringify({ count: lines.length - 1, sha256 })}\n`;
}

/** The fixture's story, live, with a photo in its body. */
const LIVE_STORY = story("Storm live")
  .replace("section: world\n", "section: world\nlive: true\n")
  .replace(
    "The text.\n",
    'The story so far, with a photo:\n\n![A harbour](images/harbour.jpg "The harbour. (Photo: AP)")\n',
  );

beforeEach(() => {
  dir = tempContentDir("dispatch-snapshot-");
  file = path.join(dir, ".snapshot/content.snapshot");
  lines = [];
  copyFileSync(OTHER_PHOTO, path.join(dir, "images/harbour.jpg"));
  saveByRename(dir, "world/first.md", story("First"));
  saveByRename(dir, "world/storm/index.md", LIVE_STORY);
  saveByRename(
    dir,
    "world/storm/updates/u1.md",
    `---\npublished: "2026-01-01T11:00:00+08:00"\ntitle: "Winds rise"\nkey: true\n---\nGusts of 120 km/h.\n`,
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the start-up's snapshot (lib/content/snapshot.ts)", () => {
  it("gives a second start every unchanged story and update exactly as read, without reading them", async () => {
    const first = await loadAndStore();
    const second = await load();
    expect(second.index.articles).toEqual(first.index.articles);
    expect([...second.entries.values()]).toEqual([...first.entries.values()]);
    const storm = second.index.articles.find((a) => a.title === "Storm live");
    expect(storm?.body).toContain("The story so far");
    expect(storm?.photos).toHaveLength(1);
    expect(storm?.live?.updates.map((u) => u.title)).toEqual(["Winds rise"]);
    expect([...second.index.media]).toEqual([...first.index.media]);
    // Taken from the snapshot, not the files: an altered snapshot shows.
    alterSnapshot("Winds rise", "Winds RISE");
    alterSnapshot('"title":"First"', '"title":"Fxrst"');
    const third = await load();
    expect(titles(third)).toEqual(["Fxrst", "Storm live"]);
    expect(third.index.articles.find((a) => a.live)?.live?.updates[0]?.title).toBe("Winds RISE");
  });

  it("reads again a file changed since, even one given back its old size and modification time", async () => {
    const full = path.join(dir, "world/first.md");
    // Whole seconds, so that the time given back is exactly the one stored.
    utimesSync(full, 1_700_000_000, 1_700_000_000);
    await loadAndStore();
    const { mtimeMs, size } = statSync(full);
    writeFileSync(full, story("Final"));
    utimesSync(full, 1_700_000_000, 1_700_000_000);
    expect(statSync(full)).toMatchObject({ mtimeMs, size });
    alterSnapshot('"title":"First"', '"title":"Fxrst"');
    expect(titles(await load())).toEqual(["Final", "Storm live"]);
  });

  it("reads again the stories whose photo was replaced under the same name", async () => {
    const first = await loadAndStore();
    const heroUrl = first.index.articles.find((a) => a.title === "First")?.hero.url;
    copyFileSync(OTHER_PHOTO, path.join(dir, "images/photo.jpg"));
    const second = await load();
    const after = second.index.articles.find((a) => a.title === "First")?.hero.url;
    expect(after).toBeDefined();
    expect(after).not.toBe(heroUrl);
  });

  it("always reads a symbolic link again: its target can change", async () => {
    saveByRename(dir, "kept/linked.txt", story("Linked"));
    symlinkSync(path.join(dir, "kept/linked.txt"), path.join(dir, "world/linked.md"));
    await loadAndStore();
    alterSnapshot('"title":"Linked"', '"title":"Lxnked"');
    expect(titles(await load())).toEqual(["First", "Linked", "Storm live"]);
  });

  it("forgets a deleted story, and writes the snapshot again without it", async () => {
    await loadAndStore();
    rmSync(path.join(dir, "world/first.md"));
    const live = await loadAndStore();
    expect(titles(live)).toEqual(["Storm live"]);
    expect(readFileSync(file, "utf8")).not.toContain('"title":"First"');
  });

  it("reads again the files of a folder renamed over another, though they keep their times", async () => {
    // Written in one go (a checkout, an unpacked archive): both stories can share their times.
    saveByRename(dir, "world/alpha/index.md", story("Alpha story"));
    saveByRename(dir, "world/bravo/index.md", story("Bravo story"));
    for (const name of ["alpha", "bravo"]) {
      utimesSync(path.join(dir, `world/${name}/index.md`), 1_700_000_000, 1_700_000_000);
    }
    await loadAndStore();
    rmSync(path.join(dir, "world/alpha"), { recursive: true });
    renameSync(path.join(dir, "world/bravo"), path.join(dir, "world/alpha"));
    const live = await load();
    expect(live.index.bySlug.get("alpha")?.title).toBe("Bravo story");
    expect(live.index.bySlug.get("bravo")).toBeUndefined();
  });

  it("is not used at all when damaged, cut short, out of shape, or made for other folders", async () => {
    await loadAndStore();
    const whole = readFileSync(file, "utf8");
    const all = ["First", "Storm live"];
    // Damaged (here a headline; a packed body likewise): the checksum no longer matches.
    alterSnapshot('"title":"First"', '"title":"Fxrst"', { checksum: false });
    expect(titles(await load())).toEqual(all);
    expect(lines.join("\n")).toMatch(/snapshot .* does not match its checksum; reading every file/);
    // Cut short: the closing line is missing.
    writeFileSync(file, whole.split("\n").slice(0, -2).join("\n") + "\n");
    expect(titles(await load())).toEqual(all);
    expect(lines.join("\n")).toMatch(/snapshot .* is incomplete; reading every file/);
    // A line that does not read back as an entry, though the checksum was made to match.
    writeFileSync(
      file,
      resealed(
        whole.replace('"title":"First"', '"title":"Fxrst"').replace('"breaking":false', '"breaking":"no"'),
      ),
    );
    expect(titles(await load())).toEqual(all);
    expect(lines.join("\n")).toMatch(/line \d+ does not read back/);
    // Made for other folders.
    writeFileSync(
      file,
      resealed(
        whole
          .replace('"title":"First"', '"title":"Fxrst"')
          .replace(JSON.stringify([dir]), JSON.stringify([`${dir}-other`])),
      ),
    );
    expect(titles(await load())).toEqual(all);
  });
});
