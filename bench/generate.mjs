#!/usr/bin/env node
/**
 * Writes N synthetic articles (valid front matter, a shared hero image, summaries on most) to a
 * folder, for scale tests: `npx tsx bench/generate.mjs 10000 /tmp/content-10k` (tsx: it shows its
 * progress through lib/cli/progress.ts).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startProgress } from "../lib/cli/progress.ts";

export const SECTIONS = ["world", "asia", "business", "tech", "sport"];
const TOPICS = Array.from({ length: 40 }, (_, i) => `Topic ${i + 1}`);
const WORDS =
  "the minister said talks would continue as markets rose and officials confirmed new figures on trade energy and transport".split(
    " ",
  );

/**
 * Pseudo-words for a varied vocabulary (`{ varied: true }`): each story also gets a sentence of 12
 * words drawn with a Zipf-like skew from 5,000, so a search bench sees rare, common and everywhere
 * words, as in a real archive, and not only the 20 words every synthetic story shares.
 */
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "sa",
  "tor",
  "vu",
  "zel",
  "qua",
  "bri",
  "do",
  "fen",
  "gal",
  "hux",
  "jin",
  "nor",
];
export const VARIED_WORDS = Array.from({ length: 5000 }, (_, i) => {
  let w = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / 16)) w += SYLLABLES[n % 16];
  return `${w}x`;
});

/** The word at a Zipf-like rank for a story and a position, deterministic. */
export function variedWord(i, k) {
  const u = ((i * 2654435761 + k * 40503) % 1_000_003) / 1_000_003;
  return VARIED_WORDS[Math.min(VARIED_WORDS.length - 1, Math.floor(Math.pow(VARIED_WORDS.length, u)) - 1)];
}

export async function generate(count, dir, { varied = false } = {}) {
  // The same display as newsletter:send and content:check (a bar on a terminal, a line every 5 s in
  // a log); from 5,000 stories on, where writing them takes long enough to watch.
  const progress =
    count >= 5_000
      ? startProgress({ title: "bench: generating stories", total: count, unit: "written" })
      : undefined;
  mkdirSync(path.join(dir, "images"), { recursive: true });
  copyFileSync(path.resolve("content/images/dea-fentanyl-lab.jpg"), path.join(dir, "images/hero.jpg"));
  for (const s of SECTIONS) mkdirSync(path.join(dir, s), { recursive: true });
  const start = Date.parse("2026-11-28T12:00:00+08:00");
  for (let i = 0; i < count; i++) {
    const section = SECTIONS[i % SECTIONS.length];
    const words = (n, o) =>
      Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3 + o) % WORDS.length]).join(" ");
    const published = new Date(start - i * 7 * 60_000)
      .toISOString()
      .replace("Z", "+00:00")
      .replace(/\.\d+/, "");
    const summary =
      i % 5 === 4 ? "" : `summary:\n  - "${words(18, 1)}."\n  - "${words(16, 2)}."\n  - "${words(14, 3)}."\n`;
    const body = [
      ...Array.from({ length: 6 }, (_, p) => `${words(60, p)}.`),
      ...(varied ? [`${Array.from({ length: 12 }, (_, k) => variedWord(i, k)).join(" ")}.`] : []),
    ].join("\n\n");
    writeFileSync(
      path.join(dir, section, `story-${i}.md`),
      `---\ntitle: "Story ${i}: ${words(8, 0)}"\nstandfirst: "${words(24, 5)}."\nsection: ${section}\ntopics:\n  - "${TOPICS[i % TOPICS.length]}"\n  - "${TOPICS[(i * 3 + 1) % TOPICS.length]}"\npublished: "${published}"\nsource: Dispatch scale test\nhero:\n  src: images/hero.jpg\n  alt: Synthetic test image\n  caption: Synthetic caption.\n  credit: Test\n${summary}---\n\n${body}\n`,
    );
    if (progress && (i + 1) % 1000 === 0) {
      progress.update(i + 1, 0);
      // Let the display draw: the writes above are synchronous.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  progress?.update(count, 0);
  progress?.stop();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, dir] = process.argv.slice(2);
  if (!count || !dir) throw new Error("usage: npx tsx bench/generate.mjs COUNT DIR");
  await generate(Number(count), path.resolve(dir));
  console.log(`generated ${count} articles in ${dir}`);
}
