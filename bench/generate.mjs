#!/usr/bin/env node
/**
 * Writes N synthetic articles (valid front matter, a shared hero image, summaries on most) to a
 * folder, for scale tests: `node bench/generate.mjs 10000 /tmp/content-10k`.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECTIONS = ["world", "asia", "business", "tech", "sport"];
const TOPICS = Array.from({ length: 40 }, (_, i) => `Topic ${i + 1}`);
const WORDS =
  "the minister said talks would continue as markets rose and officials confirmed new figures on trade energy and transport".split(
    " ",
  );

export function generate(count, dir) {
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
    const body = Array.from({ length: 6 }, (_, p) => `${words(60, p)}.`).join("\n\n");
    writeFileSync(
      path.join(dir, section, `story-${i}.md`),
      `---\ntitle: "Story ${i}: ${words(8, 0)}"\nstandfirst: "${words(24, 5)}."\nsection: ${section}\ntopics:\n  - "${TOPICS[i % TOPICS.length]}"\n  - "${TOPICS[(i * 3 + 1) % TOPICS.length]}"\npublished: "${published}"\nsource: Dispatch scale test\nhero:\n  src: images/hero.jpg\n  alt: Synthetic test image\n  caption: Synthetic caption.\n  credit: Test\n${summary}---\n\n${body}\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, dir] = process.argv.slice(2);
  if (!count || !dir) throw new Error("usage: node bench/generate.mjs COUNT DIR");
  generate(Number(count), path.resolve(dir));
  console.log(`generated ${count} articles in ${dir}`);
}
