/**
 * One narration, made in a process of its own (lib/narration/queue.ts starts one per job, at the
 * lowest priority): the job arrives as JSON on stdin; its parts are spoken (audio.mjs, or an
 * operator's neural voice), a pause between them, encoded as MP3 and written beside its final name,
 * then renamed into place, then its sidecar (length, bytes, voice, when made): a sidecar means a
 * whole file. The result is one line of JSON on stdout.
 *
 * A process, not a worker thread: Node 20's WASI allocates inside V8's "fast API" calls, and a
 * garbage collection there crashes the process that runs it (seen as SIGSEGV, or SIGABRT from
 * uvwasi_fd_table_free → uv_mutex_destroy, within a few parts of the FAST briefing). The queue runs
 * this with `--no-turbo-fast-api-calls`, which avoids it (0 crashes in 5 runs of a briefing that
 * crashed 3 of 3 without it); a model onnxruntime cannot read aborts its process too. Here either
 * costs one job, tried again, never the server. Each WASI instance is also kept referenced until the
 * job ends, so the collector has none to free during a call.
 *
 * Plain JavaScript, loaded by path at run time (Next.js does not bundle it).
 */
import { setPriority } from "node:os";
import { compileFlite, encodeMp3, speak, speakParts } from "./audio.mjs";
import { loadNeural } from "./neural.mjs";
import { writeWhole } from "../runtime/write-whole.mjs";

try {
  setPriority(19); // pages first, narration when the cores are free
} catch {
  // Not permitted here: it runs at the server's priority.
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { voice, model, kbps, dir, parts, pause, file } = JSON.parse(input);

// Anything but the engine refusing the words (a voice that will not load, a full disk, a folder it
// may not write) is thrown: the process exits non-zero and the queue pauses and tries the job again.
const kept = [];
// An operator's neural voice (checked by the server's start-up in a process of its own), or Flite's.
const say = model
  ? loadNeural(model)
  : await compileFlite().then((wasm) => (text) => speak(wasm, voice, text, dir, kept));
let pcm;
try {
  pcm = speakParts(say, parts, pause);
} catch (error) {
  // The file system's errors carry a code: those are not the words' fault.
  if (typeof error === "object" && error !== null && "code" in error) throw error;
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
  process.exit(0);
}
const mp3 = encodeMp3(pcm, kbps);
const seconds = pcm.samples.length / pcm.rate;
writeWhole(file, mp3);
const made = new Date().toISOString();
writeWhole(
  `${file}.json`,
  JSON.stringify({ seconds, bytes: mp3.length, voice: model ? "model" : voice, made }),
);
process.stdout.write(`${JSON.stringify({ seconds, bytes: mp3.length })}\n`);
