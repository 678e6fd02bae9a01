/**
 * The pages that show a narration once it is made (issue 24): they join one targeted refresh
 * (lib/site/refresh.ts takes them). Narrations made within REFRESH_EVERY_MS share that refresh: during
 * a backfill a job ends every few seconds, and a refresh for each would re-render FAST and story pages
 * under readers' load.
 */
import { requestRevalidation } from "@/lib/content/publish";
import { processSingleton } from "@/lib/runtime/singleton";
import { inStartupContext } from "./context";

const REFRESH_EVERY_MS = 10_000;

type Shown = { made: Set<string>; refresh?: NodeJS.Timeout };

const shown = () => processSingleton<Shown>("narration.shown", () => ({ made: new Set() }));

/** These pages' narration was made: they are refreshed within REFRESH_EVERY_MS. */
export function showMade(paths: readonly string[]): void {
  const s = shown();
  for (const p of paths) s.made.add(p);
  s.refresh ??= inStartupContext(() =>
    setTimeout(() => {
      s.refresh = undefined;
      void requestRevalidation("narration made", (line) => {
        if (!line.includes("published")) console.warn(`narration: ${line}`);
      });
    }, REFRESH_EVERY_MS).unref(),
  );
}

/** The pages whose narration was made since the last call (lib/site/refresh.ts). */
export function takeNarrated(): string[] {
  const s = shown();
  const paths = [...s.made];
  s.made.clear();
  return paths;
}
