import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E_LIVE_DIR } from "../../playwright.config";
import { isoFromNow, saveFile } from "./publish";

const PHOTO = path.resolve("e2e/fixtures/content/images/harbour.jpg");

export type LiveStory = { slug: string; title: string; ended?: string };

let made = 0;
/** A live story with a slug of its own (`e2e-live-…`: clearLiveContent waits for it to be gone). */
export function newLiveStory(): LiveStory {
  made += 1;
  const slug = `e2e-live-storm-${Date.now().toString(36)}-${made}`;
  return { slug, title: `Storm live: ${slug}` };
}

/** Writes (or rewrites) the story's index.md: live coverage, ended when `ended` is set. */
export function saveLiveStory(s: LiveStory): void {
  mkdirSync(path.join(E2E_LIVE_DIR, "images"), { recursive: true });
  copyFileSync(PHOTO, path.join(E2E_LIVE_DIR, "images", `${s.slug}.jpg`));
  saveFile(
    `world/${s.slug}/index.md`,
    [
      "---",
      `title: ${JSON.stringify(s.title)}`,
      'standfirst: "A storm crosses the coast; the latest as it happens."',
      "section: world",
      'topics: ["Storm desk"]',
      `published: ${JSON.stringify(isoFromNow(-2 * 60 * 60 * 1000))}`,
      "source: Dispatch",
      "live: true",
      ...(s.ended ? [`ended: ${JSON.stringify(s.ended)}`] : []),
      "hero:",
      `  src: images/${s.slug}.jpg`,
      '  alt: "A harbour under dark clouds"',
      '  caption: "The harbour this morning."',
      '  credit: "(Photo: Dispatch)"',
      "summary:",
      '  - "The storm reached the coast overnight."',
      '  - "Ferries are suspended."',
      '  - "Schools are closed today."',
      "---",
      "The storm made landfall before dawn. This page follows it as it happens.",
      "",
    ].join("\n"),
  );
}

export type Update = {
  id: string;
  /** Minutes from now (negative: in the past). */
  at: number;
  title?: string;
  key?: boolean;
  pinned?: boolean;
  draft?: boolean;
  body?: string;
};

export function saveUpdate(s: LiveStory, u: Update): void {
  saveFile(
    `world/${s.slug}/updates/${u.id}.md`,
    [
      "---",
      `published: ${JSON.stringify(isoFromNow(u.at * 60 * 1000))}`,
      ...(u.title ? [`title: ${JSON.stringify(u.title)}`] : []),
      ...(u.key ? ["key: true"] : []),
      ...(u.pinned ? ["pinned: true"] : []),
      ...(u.draft ? ["draft: true"] : []),
      "---",
      u.body ?? `The text of update ${u.id}.`,
      "",
    ].join("\n"),
  );
}

export function removeUpdate(s: LiveStory, id: string): void {
  rmSync(path.join(E2E_LIVE_DIR, "world", s.slug, "updates", `${id}.md`), { force: true });
}
