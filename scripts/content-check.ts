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
import { sectionSlugs } from "@/lib/config/site";
import { formatFrontProblem } from "@/lib/fronts/front";
import { checkFronts } from "@/lib/fronts/check";

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
    // The editors' fronts, against the stories just read (docs/CONTENT.md, "Fronts").
    const fronts = await checkFronts(["home", ...sectionSlugs], env.contentDirs, index.bySlug, Date.now());
    if (fronts.problems.length > 0) {
      const k = fronts.problems.length;
      console.error(
        `content:check: the fronts have ${k} problem${k === 1 ? "" : "s"}:\n` +
          fronts.problems.map((p) => `  - ${formatFrontProblem(p)}`).join("\n"),
      );
      process.exitCode = 1;
    } else if (fronts.fronts > 0)
      console.log(`content:check: ${fronts.fronts} front${fronts.fronts === 1 ? "" : "s"} OK`);
  } catch (error) {
    progress?.stop();
    if (!(error instanceof ContentError)) throw error;
    console.error(`content:check: ${dirs}\n${error.message}`);
    process.exitCode = 1;
  }
}

void main();
