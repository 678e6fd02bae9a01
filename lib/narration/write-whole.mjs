/**
 * A file written whole or not at all: the bytes go to a temporary name of its own beside it (two
 * instances sharing the folder may write the same file at once), then are renamed into place.
 * Shared by the narration's job process (narrate-job.mjs) and the server (narrator.ts, sweep.ts).
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
