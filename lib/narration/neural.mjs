/**
 * An operator's neural voice loaded with sherpa-onnx-node (issue 24): by the narration's worker
 * (narrate-job.mjs) and the start-up's check (voice-check.mjs) only, never from the server's
 * bundles (a native addon).
 *
 * Plain JavaScript: loaded by path at run time, outside Next.js's bundles.
 */
import { createRequire } from "node:module";
import { findModel } from "./model.mjs";

/**
 * The voice's speech function: text → { rate, samples } (16-bit mono PCM), as Flite's. A model file
 * onnxruntime cannot read aborts the process (a native abort, no exception): the server's start-up
 * loads it once in a child process first (voice-check.mjs), never mid-queue.
 * @param {string} dir
 */
export function loadNeural(dir) {
  const found = findModel(dir);
  if (found instanceof Error) throw found;
  const { OfflineTts } = createRequire(import.meta.url)("sherpa-onnx-node");
  const files = { model: found.model, tokens: found.tokens, dataDir: found.dataDir };
  const tts = new OfflineTts({
    model: {
      ...(found.kind === "kokoro" ? { kokoro: { ...files, voices: found.voices } } : { vits: files }),
      numThreads: 1,
      provider: "cpu",
    },
    maxNumSentences: 1,
  });
  return (text) => {
    const audio = tts.generate({ text, sid: 0, speed: 1 });
    const samples = new Int16Array(audio.samples.length);
    for (let i = 0; i < samples.length; i++)
      samples[i] = Math.max(-32768, Math.min(32767, Math.round(audio.samples[i] * 32767)));
    return { rate: audio.sampleRate, samples };
  };
}
