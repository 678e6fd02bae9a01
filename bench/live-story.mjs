/**
 * The benchmarks' live story (issue 22): a live page with 30 updates, then new updates and
 * corrections saved as editors' tools save (a temporary file renamed into place). Shared by
 * bench:breaking and bench:pollers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { saveByRename } from "./lib.mjs";

export const LIVE = "breaking-live";
const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "+00:00");

/** world/breaking-live: live coverage with 30 updates, the newest a few minutes old. */
export function liveStory(dir) {
  saveByRename(
    dir,
    `world/${LIVE}/index.md`,
    `---\ntitle: "Storm live: the latest"\nstandfirst: "A live page the benchmark updates."\nsection: world\ntopics: ["Storm"]\npublished: "${iso(Date.now() - 3_600_000)}"\nsource: Dispatch bench\nlive: true\nhero:\n  src: images/hero.jpg\n  alt: Synthetic test image\n  caption: Synthetic caption.\n  credit: Test\nsummary:\n  - "First point."\n  - "Second point."\n  - "Third point."\n---\n\nWhat is happening.\n`,
  );
  for (let i = 0; i < 30; i += 1) update(dir, `u${i}`, Date.now() - 3_000_000 + i * 60_000);
}

/** A new (or edited) update `id`, dated `at` (ms). */
export function update(dir, id, at) {
  saveByRename(
    dir,
    `world/${LIVE}/updates/${id}.md`,
    `---\npublished: "${iso(at)}"\ntitle: "Update ${id}"\n---\n\nText of update ${id}.\n`,
  );
}

/** A correction: the story's text with a new last line (its headline and place in lists stay). */
export function correct(dir, file, n) {
  const full = path.join(dir, file);
  const text = readFileSync(full, "utf8").replace(/\n\nCorrected \d+\.\n$/, "\n");
  saveByRename(dir, file, `${text}\nCorrected ${n}.\n`);
}
