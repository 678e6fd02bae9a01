/**
 * `content:check` for the fronts: every front file's own problems (its YAML, its fields, the shape of
 * each story's name, unknown sections), and each story it names that does not exist, is in another
 * section, or is not public now (a draft, or scheduled), each with the file and line.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Article } from "@/lib/content/article";
import { closest } from "@/lib/content/problems";
import { isPublic } from "@/lib/content/public";
import { frontName, type FrontProblem } from "./front";
import { FRONTS_DIR, readFrontFile } from "./store";

export async function checkFronts(
  names: readonly string[],
  dirs: readonly string[],
  bySlug: ReadonlyMap<string, Article>,
  now: number,
): Promise<{ fronts: number; problems: FrontProblem[] }> {
  const problems: FrontProblem[] = [];
  // A file there that is no front (a misspelt section) would be ignored without a word.
  for (const dir of dirs) {
    const files = await fs.readdir(path.join(dir, FRONTS_DIR)).catch(() => []);
    for (const file of files) {
      if (!file.endsWith(".md") || file === "README.md" || frontName(file) !== undefined) continue;
      const hint = closest(file.replace(/\.md$/, ""), names);
      problems.push({
        file: `${FRONTS_DIR}/${file}`,
        message: `is not a front: fronts are ${names.map((n) => `${n}.md`).join(", ")}${hint ? ` (did you mean ${hint}.md?)` : ""}`,
      });
    }
  }
  let fronts = 0;
  for (const name of names) {
    const read = await readFrontFile(name, dirs);
    if (!read) continue;
    fronts += 1;
    problems.push(...read.problems);
    const front = read.front;
    if (!front) continue;
    const named = [
      ...(front.lead ? [{ ref: front.lead, field: "lead" }] : []),
      ...front.top.map((ref, i) => ({ ref, field: `top[${i + 1}]` })),
    ];
    const seen = new Set<string>();
    for (const { ref, field } of named) {
      const story = bySlug.get(ref.slug);
      const at = { file: read.label, line: ref.line, field };
      const name = `${ref.section}/${ref.slug}`;
      if (!story) problems.push({ ...at, message: `${name} is not a story` });
      else if (story.section.slug !== ref.section)
        problems.push({
          ...at,
          message: `${name}: that story is in ${story.section.slug}, not ${ref.section}`,
        });
      else if (seen.has(ref.slug)) problems.push({ ...at, message: `${name} is named twice on this front` });
      else if (!isPublic(story, now))
        problems.push({
          ...at,
          message: `${name} is not public now (${story.draft ? "a draft" : `scheduled for ${story.published}`}): the page skips it until it is`,
        });
      if (story?.section.slug === ref.section) seen.add(ref.slug);
    }
  }
  return { fronts, problems };
}
