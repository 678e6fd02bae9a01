/**
 * The start-up's check of an operator's neural voice (lib/narration/voice.ts): loads the model and
 * speaks a word, in a process of its own, since a model file onnxruntime cannot read aborts the
 * process that loads it. Exit 0 when the voice speaks; otherwise the reason on stderr.
 *
 *   node lib/narration/voice-check.mjs /path/to/voice-folder
 */
import { loadNeural } from "./neural.mjs";

try {
  const { rate, samples } = loadNeural(process.argv[2] ?? "")("Dispatch.");
  if (!(rate > 0) || samples.length === 0) throw new Error("the voice spoke no audio");
  process.stdout.write(`${rate} Hz\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
