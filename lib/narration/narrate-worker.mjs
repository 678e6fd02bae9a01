/**
 * The narration's worker thread (lib/narration/narrator.ts): one job at a time, far below the server's
 * own thread in priority. Each job speaks a text (audio.mjs) and writes the MP3 beside its final name,
 * then renames it into place, then its sidecar (length, bytes, voice): a sidecar means a whole file.
 *
 * Plain JavaScript, loaded by path at run time (Next.js does not bundle worker files).
 */
import { randomUUID } from "node:crypto";
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { compileFlite, encodeMp3, speak } from "./audio.mjs";

try {
  setPriority(19); // this thread only, on Linux: pages first, narration when the cores are free
} catch {
  // Not permitted here: it runs at the server's priority.
}

const { voice, kbps, dir } = workerData;
const wasm = await compileFlite();

// Partial files a killed job left (an hour old: another instance sharing the folder may be writing).
for (const name of readdirSync(dir)) {
  const full = path.join(dir, name);
  try {
    if (name.endsWith(".part") && Date.now() - statSync(full).mtimeMs > 3600_000)
      rmSync(full, { force: true });
  } catch {
    // Gone meanwhile.
  }
}

function writeWhole(file, data) {
  // A name of its own: two instances sharing the folder may write the same narration at once.
  const partial = `${file}.${randomUUID()}.part`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

parentPort.on("message", ({ id, text, file }) => {
  try {
    const pcm = speak(wasm, voice, text, dir);
    const mp3 = encodeMp3(pcm, kbps);
    const seconds = pcm.samples.length / pcm.rate;
    writeWhole(file, mp3);
    writeWhole(`${file}.json`, JSON.stringify({ seconds, bytes: mp3.length, voice }));
    parentPort.postMessage({ id, seconds, bytes: mp3.length });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
parentPort.postMessage({ ready: true });
