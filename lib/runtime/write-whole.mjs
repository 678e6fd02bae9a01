/**
 * A file written whole or not at all: the bytes go to a temporary name of its own beside it (two
 * instances sharing the folder may write the same file at once), then are renamed into place.
 * Plain JavaScript, so a job's process (lib/narration/narrate-job.mjs) can load it as it is, as well
 * as the server (lib/narration/narrator.ts, sweep.ts). The content snapshot (lib/content/snapshot.ts)
 * streams its file in slices and checks the build before its rename, so it keeps its own.
 */
import { randomUUID } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";

/** @param {string} file @param {string | Uint8Array} data */
export function writeWhole(file, data) {
  const partial = `${file}.${randomUUID()}.part`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
