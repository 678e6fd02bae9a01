import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_LIVE_DIR } from "../../playwright.config";

/** A fixture photo a published story uses; copied under its own name so its URL is the story's own. */
const PHOTO = path.resolve("e2e/fixtures/content/images/stadium.jpg");

export type Story = {
  slug: string;
  title: string;
  published: string;
  topic: string;
  summary?: boolean;
  draft?: boolean;
  updated?: string;
  corrections?: { date: string; text: string }[];
  body?: string;
};

/** The front matter and text of a story in the world section, as an editor writes it. */
export function storyText(s: Story): string {
  const lines = [
    "---",
    `title: ${JSON.stringify(s.title)}`,
    'standfirst: "A story published by the e2e suite while the server runs."',
    "section: world",
    `topics: [${JSON.stringify(s.topic)}]`,
    `published: ${JSON.stringify(s.published)}`,
    ...(s.updated ? [`updated: ${JSON.stringify(s.updated)}`] : []),
    "source: Dispatch",
    ...(s.draft ? ["draft: true"] : []),
    "hero:",
    `  src: images/${s.slug}.jpg`,
    '  alt: "A stadium"',
    '  caption: "A caption."',
    '  credit: "(Photo: Dispatch)"',
    ...(s.summary === false
      ? []
      : [
          "summary:",
          '  - "The first point of this story."',
          '  - "The second point."',
          '  - "The third point."',
        ]),
    ...(s.corrections?.length
      ? [
          "corrections:",
          ...s.corrections.flatMap((c) => [
            `  - date: ${JSON.stringify(c.date)}`,
            `    text: ${JSON.stringify(c.text)}`,
          ]),
        ]
      : []),
    "---",
    s.body ?? "The text of the story, as published.",
    "",
  ];
  return lines.join("\n");
}

/** Writes a file as editors' tools and sync tools do: a temporary file, then a rename into place. */
export function saveFile(file: string, text: string | Buffer): void {
  const full = path.join(E2E_LIVE_DIR, file);
  mkdirSync(path.dirname(full), { recursive: true });
  const temp = path.join(path.dirname(full), `.${path.basename(full)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, full);
}

/** Publishes a story with its own photo; returns the photo's URL as the site will serve it. */
export function publishStory(s: Story): string {
  mkdirSync(path.join(E2E_LIVE_DIR, "images"), { recursive: true });
  copyFileSync(PHOTO, path.join(E2E_LIVE_DIR, "images", `${s.slug}.jpg`));
  saveFile(`world/${s.slug}.md`, storyText(s));
  const hash = createHash("sha256").update(readFileSync(PHOTO)).digest("hex").slice(0, 12);
  return `/media/${hash}/${s.slug}.jpg`;
}

export function removeStory(slug: string): void {
  rmSync(path.join(E2E_LIVE_DIR, "world", `${slug}.md`), { force: true });
}

/**
 * Empties the live folder (between tests), leaving the folder itself for the watcher; given a request
 * context, waits until the removals are live, so later specs see the suite's usual content.
 */
export async function clearLiveContent(request?: APIRequestContext): Promise<void> {
  for (const entry of readdirSync(E2E_LIVE_DIR)) {
    rmSync(path.join(E2E_LIVE_DIR, entry), { recursive: true, force: true });
  }
  if (!request) return;
  await expect
    .poll(async () => (await request.get("/feed.xml")).text(), { timeout: 15_000 })
    .not.toContain("e2e-live-");
}

let made = 0;
/** A story with a slug of its own (`e2e-live-…`, which clearLiveContent waits to see gone), an hour old. */
export function newStory(overrides: Partial<Story> = {}): Story {
  made += 1;
  const slug = `e2e-live-${Date.now().toString(36)}-${made}`;
  return {
    slug,
    title: `Live desk story ${slug}`,
    published: isoFromNow(-60 * 60 * 1000),
    topic: `Live desk ${slug}`,
    ...overrides,
  };
}

/** An ISO time with a UTC offset, `ms` from now, to the second (front matter's form). */
export function isoFromNow(ms: number): string {
  return new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString().replace(".000Z", "+00:00");
}
