/**
 * `npm run content:check`: validates every article in the content folders (CONTENT_DIR) and lists
 * every problem in every file at once. Exit code 1 when anything would fail the build. From
 * PROGRESS_FROM files on (an archive, not a newsroom's day) it shows its progress on stderr.
 */
import path from "node:path";
import { startProgress, type Progress } from "@/lib/cli/progress";
import { env } from "@/lib/config/env";
import { loadContent } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";

const PROGRESS_FROM = 5_000;

async function main() {
  const dirs = env.contentDirs.map((d) => path.relative(process.cwd(), d) || ".").join(", ");
  let progress: Progress | undefined;
  try {
    const index = await loadContent(env.contentDirs, (done, total, failed) => {
      if (total < PROGRESS_FROM) return;
      progress ??= startProgress({ title: "content:check", total, unit: "files" });
      progress.update(done, failed);
    });
    progress?.stop();
    const summaries = index.articles.filter((a) => a.summary).length;
    const n = index.articles.length;
    console.log(
      `content:check: ${n} article${n === 1 ? "" : "s"} OK in ${dirs} (${summaries} with FAST summaries)`,
    );
  } catch (error) {
    progress?.stop();
    if (!(error instanceof ContentError)) throw error;
    console.error(`content:check: ${dirs}\n${error.message}`);
    process.exitCode = 1;
  }
}

void main();
