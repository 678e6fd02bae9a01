/**
 * The one rule for which files on disk are content: a file counts only if its real path (every
 * symbolic link resolved) lies inside the real path of one of the content folders. The start-up
 * scan, the watcher (both through `readEntry`) and the media route all ask here, so a link can never
 * publish or serve a file from elsewhere on the machine, while a link that stays inside still works.
 */
import { promises as fs, realpathSync } from "node:fs";
import path from "node:path";

/**
 * The folders' own real paths are looked up again after this long: a deploy may point a folder link
 * at a new release, and a 100k-file scan must not resolve them once per file.
 */
const ROOTS_FOR_MS = 1_000;
let roots: { key: string; until: number; real: Promise<(string | undefined)[]> } | undefined;

/** Whether `file` exists and its real path is inside the real path of one of `dirs`. */
export async function isInsideContent(file: string, dirs: readonly string[]): Promise<boolean> {
  let real: string | undefined;
  try {
    // Synchronous: microseconds, and called once for every content file read (load.ts).
    real = realpathSync(file);
  } catch {
    real = undefined;
  }
  if (real === undefined) return false;
  return (await realRoots(dirs)).some((root) => {
    if (root === undefined) return false;
    const rel = path.relative(root, real);
    return rel !== "" && !path.isAbsolute(rel) && rel.split(path.sep)[0] !== "..";
  });
}

function realRoots(dirs: readonly string[]): Promise<(string | undefined)[]> {
  const key = dirs.join("\0");
  const now = Date.now();
  if (roots?.key !== key || now >= roots.until) {
    roots = {
      key,
      until: now + ROOTS_FOR_MS,
      real: Promise.all(dirs.map((d) => fs.realpath(d).catch(() => undefined))),
    };
  }
  return roots.real;
}
