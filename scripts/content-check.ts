/**
 * `npm run content:check`: validates every article in the content folders (CONTENT_DIR) and lists
 * every problem in every file at once. Exit code 1 when anything would fail the build.
 */
import path from "node:path";
import { env } from "@/lib/config/env";
import { loadContent } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";

async function main() {
  const dirs = env.contentDirs.map((d) => path.relative(process.cwd(), d) || ".").join(", ");
  try {
    const index = await loadContent(env.contentDirs);
    const summaries = index.articles.filter((a) => a.summary).length;
    const n = index.articles.length;
    console.log(
      `content:check: ${n} article${n === 1 ? "" : "s"} OK in ${dirs} (${summaries} with FAST summaries)`,
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`content:check: ${dirs}\n${error.message}`);
    process.exitCode = 1;
  }
}

void main();
