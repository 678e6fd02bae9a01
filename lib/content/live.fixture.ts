/** Temporary content folders for tests of the live store and the watcher: real files on disk. */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LiveContent } from "./live";

const PHOTO = path.resolve("e2e/fixtures/content/images/summit.jpg");
export const OTHER_PHOTO = path.resolve("e2e/fixtures/content/images/harbour.jpg");

/** A valid story in the world section whose hero is `images/photo.jpg` unless `photo` says otherwise. */
export function story(title: string, photo = "photo.jpg"): string {
  return `---
title: "${title}"
standfirst: "A standfirst."
section: world
published: "2026-01-01T10:00:00+08:00"
source: Reuters
hero:
  src: images/${photo}
  alt: "Alt"
  caption: "Caption."
  credit: "(Photo: AP)"
---
The text.
`;
}

/** A new temporary folder holding `images/photo.jpg`. */
export function tempContentDir(prefix = "dispatch-live-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(dir, "images"));
  copyFileSync(PHOTO, path.join(dir, "images/photo.jpg"));
  return dir;
}

/** As editors' tools and sync tools save: write a temporary file, then rename it over the old one. */
export function saveByRename(dir: string, file: string, text: string): void {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(`${full}.tmp`, text);
  renameSync(`${full}.tmp`, full);
}

export const titles = (live: LiveContent): string[] => live.index.articles.map((a) => a.title).sort();
